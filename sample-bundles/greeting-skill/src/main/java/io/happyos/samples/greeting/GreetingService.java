package io.happyos.samples.greeting;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Greets people by name. Published by the greeting-skill bundle through Declarative Services: the
 * {@code greeting} component is enabled by default, the {@code farewell} component (property
 * {@code mood=sad}) only once the registry enables it.
 */
@ProviderType
public interface GreetingService {

    /**
     * A greeting for someone.
     *
     * @param name who to greet
     * @return the greeting
     */
    String greet(String name);
}
