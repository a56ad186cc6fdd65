package io.happyos.samples.locator.internal;

import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Gogo command {@code samples:locate SKILL [STRATEGY]}: picks one ACTIVE instance of a skill and
 * returns {@code NODE ID ENDPOINT}, which the shell prints. A caller that wanted to call the skill
 * would send its request to that endpoint.
 */
public final class LocateCommand {

    /** The Gogo scope. */
    static final String SCOPE = "samples";

    /** The command names, for {@code osgi.command.function}. */
    static final String[] FUNCTIONS = {"locate"};

    private static final Logger LOG = LoggerFactory.getLogger(LocateCommand.class);

    private final Supplier<Locator> locator;

    /** @param locator gives the cluster's locator while the cluster view is there, else the local one */
    LocateCommand(Supplier<Locator> locator) {
        this.locator = locator;
    }

    @Descriptor("pick one ACTIVE instance of a skill across the cluster (round-robin) and print NODE ID ENDPOINT; "
            + "without a cluster, among this container's components. Example: samples:locate calculator-skill")
    public String locate(@Descriptor("the skill's component name, or a type such as skill") String skill) {
        return locate(skill, Strategy.DEFAULT.name());
    }

    @Descriptor("pick one ACTIVE instance of a skill with a strategy and print NODE ID ENDPOINT. "
            + "Example: samples:locate skill least-accessed")
    public String locate(
            @Descriptor("the skill's component name, or a type such as skill") String skill,
            @Descriptor("round-robin (default), random, sticky or least-accessed") String strategy) {
        Strategy chosen = Strategy.parse(strategy);
        Locator current = locator.get();
        Located picked = current.pick(skill, chosen)
                .orElseThrow(() -> new IllegalStateException("no ACTIVE instance of " + skill + " in " + current.scope()
                        + " (by name or type); registry:list shows what runs"));
        LOG.info("skill-locator: {} ({}) in {} -> {}", skill, chosen, current.scope(), picked.line());
        return picked.line();
    }
}
