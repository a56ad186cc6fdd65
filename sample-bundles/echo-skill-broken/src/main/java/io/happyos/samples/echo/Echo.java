package io.happyos.samples.echo;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Says back what it is told. Published by the echo-skill bundle, which comes in several versions
 * (same Bundle-SymbolicName) to demonstrate and test updating a skill in place.
 */
@ProviderType
public interface Echo {

    /**
     * Echoes a text.
     *
     * @param text the text
     * @return the echo; what exactly depends on the bundle version
     */
    String echo(String text);
}
