package io.happyos.registry.spi;

import io.happyos.registry.StatusCallback;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The whiteboard form of a {@link StatusCallback}: publish it as an OSGi service under this
 * interface and it is told of every status change, with the same guarantees (in order for each
 * component, on a registry thread, isolated from the other listeners).
 */
@ConsumerType
public interface StatusListener extends StatusCallback {
}
