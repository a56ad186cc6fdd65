package io.happyos.registry;

import org.osgi.annotation.versioning.ProviderType;

/** A handle on something registered with the registry; closing it removes it. */
@ProviderType
public interface Registration extends AutoCloseable {

    /** Removes what was registered. Closing twice does nothing. */
    @Override
    void close();
}
