/** The component log that HappyOS skills write to. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.happyos.samples.logger;
