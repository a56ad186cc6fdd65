/** The echo skill's service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("3.0.0")
package io.happyos.samples.echo;
