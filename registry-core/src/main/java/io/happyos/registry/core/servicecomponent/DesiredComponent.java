package io.happyos.registry.core.servicecomponent;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.core.model.ComponentControl;
import java.util.List;
import java.util.Map;

/**
 * A service component as its source (SCR, or the service registry) describes it now.
 *
 * @param key what identifies it across refreshes (e.g. {@code ds:BUNDLE:NAME})
 * @param info what is known of it (its name is the id it asks for)
 * @param status the status it should have
 * @param error why it is in error, or {@code null}
 * @param control how it is switched on and off
 * @param dependencies for each component id it depends on, why
 */
record DesiredComponent(
        String key,
        ComponentInfo info,
        ComponentStatus status,
        String error,
        ComponentControl control,
        Map<String, List<String>> dependencies) {}
