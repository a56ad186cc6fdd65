package io.happyos.samples.locator.internal;

import java.util.Optional;

/** Finds the ACTIVE instances of a skill somewhere and picks one. */
interface Locator {

    /**
     * Picks one ACTIVE instance.
     *
     * @param nameOrType a component name, or else a type (every component of that type)
     * @param strategy how to choose
     * @return the one picked, or empty when none is ACTIVE
     * @throws IllegalStateException when what it looks in is not there (yet)
     */
    Optional<Located> pick(String nameOrType, Strategy strategy);

    /** @return where it looks, for messages: {@code the cluster} or {@code this container} */
    String scope();
}
