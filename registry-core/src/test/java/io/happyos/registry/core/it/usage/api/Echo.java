package io.happyos.registry.core.it.usage.api;

/** The service of the usage test bundles' provider. */
public interface Echo {

    /**
     * Says something back.
     *
     * @param text the text
     * @return the same text
     */
    String echo(String text);
}
