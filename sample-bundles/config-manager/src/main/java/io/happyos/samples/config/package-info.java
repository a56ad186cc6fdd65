/** The configuration service that HappyOS skills read their settings from. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.happyos.samples.config;
