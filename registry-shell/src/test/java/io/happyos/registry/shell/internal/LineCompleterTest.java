package io.happyos.registry.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LineCompleterTest {

    /** What Gogo's {@code .commands} holds: every command as scope:function, lower case. */
    private static final Set<String> COMMANDS = Set.of(
            "registry:list",
            "registry:info",
            "registry:activate",
            "registry:audit",
            "registry:register",
            "registry:status",
            "registry:cache",
            "registry:quota",
            "registry:resources",
            "registry:depend",
            "registry:graph",
            "registry:why",
            "registry:tree",
            "registry:top",
            "registry:watch",
            "registry:future",
            "felix:lb",
            "felix:start",
            "gogo:echo",
            "*:each");

    /** The demo's components and the registry's own, as the registry lists them (sorted by id). */
    private final FixedEntries components = new FixedEntries()
            .add("base-util", "base-util", "library", 7)
            .add("calculator-skill", "calculator-skill", "skill", 8)
            .add("config-manager", "config-manager", "service", 5)
            .add("io.happyos.registry.core", "io.happyos.registry.core", "system", 4)
            .add("logger", "logger", "service", 6)
            .add("weather-skill", "weather-skill", "skill", 9);

    private final CommandSyntax syntax = new CommandSyntax()
            .add(ComponentCommands.class, ComponentCommands.FUNCTIONS)
            .add(LifecycleCommands.class, LifecycleCommands.FUNCTIONS)
            .add(DependencyCommands.class, DependencyCommands.FUNCTIONS)
            .add(InstanceCommands.class, InstanceCommands.FUNCTIONS)
            .add(GraphCommands.class, GraphCommands.FUNCTIONS)
            .add(AuditCommands.class, AuditCommands.FUNCTIONS)
            .add(TreeCommands.class, TreeCommands.FUNCTIONS)
            .add(EventCommands.class, EventCommands.FUNCTIONS)
            .add(TopCommands.class, TopCommands.FUNCTIONS);
    private final LineCompleter completer = new LineCompleter(syntax);

    private List<String> complete(String line) {
        return completer.complete(line, COMMANDS, components::list);
    }

    @Test
    void aPartialIdCompletesToTheIdsStartingWithIt() {
        assertThat(complete("registry:info calc")).containsExactly("calculator-skill");
        assertThat(complete("registry:activate co")).containsExactly("config-manager");
        assertThat(complete("registry:info io.")).containsExactly("io.happyos.registry.core");
    }

    @Test
    void anEmptyWordAfterACommandOffersEveryId() {
        assertThat(complete("registry:info "))
                .containsExactly(
                        "base-util",
                        "calculator-skill",
                        "config-manager",
                        "io.happyos.registry.core",
                        "logger",
                        "weather-skill");
    }

    @Test
    void aPartialCommandNameCompletesToScopedAndBareNames() {
        assertThat(complete("registry:ac")).containsExactly("registry:activate");
        assertThat(complete("act")).containsExactly("activate");
        assertThat(complete("reg"))
                .contains("registry:list", "registry:info", "register")
                .doesNotContain("felix:lb");
        assertThat(complete("l")).containsExactly("lb", "list");
        assertThat(complete(""))
                .contains("felix:lb", "lb", "registry:why", "echo")
                .doesNotContain("*:each", "each");
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(complete("REGISTRY:INFO CALC")).containsExactly("calculator-skill");
        assertThat(complete("registry:list --status act")).containsExactly("ACTIVE");
    }

    @Test
    void optionsComeFromTheCommandsOwnParameters() {
        assertThat(complete("registry:list --")).containsExactly("--all", "--json", "--status", "--type");
        assertThat(complete("registry:activate --r")).containsExactly("--retry");
        assertThat(complete("registry:audit --comp")).containsExactly("--component");
    }

    @Test
    void optionValuesAreCompletedByWhatTheyAre() {
        assertThat(complete("registry:list --status "))
                .containsExactly("ACTIVE", "DISCOVERED", "ERROR", "INACTIVE", "REGISTERED");
        assertThat(complete("registry:list --type s")).containsExactly("service", "skill", "system");
        assertThat(complete("registry:audit --component we")).containsExactly("weather-skill");
        assertThat(complete("registry:graph --format m")).containsExactly("mermaid");
    }

    @Test
    void theValueOfAnOptionIsNotTakenForAnArgument() {
        // --retry's value is not the first id: the next word is still an id
        assertThat(complete("registry:activate --retry 3 lo")).containsExactly("logger");
        // --json takes no value: the word after it is the id
        assertThat(complete("registry:info --json lo")).containsExactly("logger");
        // info takes one id only
        assertThat(complete("registry:info logger ")).isEmpty();
    }

    @Test
    void argumentsFollowEachCommandsShape() {
        assertThat(complete("registry:status logger "))
                .containsExactly("ACTIVE", "DISCOVERED", "ERROR", "INACTIVE", "REGISTERED");
        assertThat(complete("registry:status logger ACTIVE we")).containsExactly("weather-skill");
        assertThat(complete("registry:cache c")).containsExactly("cleanup");
        assertThat(complete("registry:cache cleanup l")).containsExactly("logger");
        assertThat(complete("registry:cache enable ")).isEmpty();
        assertThat(complete("registry:depend logger b")).containsExactly("base-util");
        assertThat(complete("registry:depend logger base-util ")).isEmpty();
        assertThat(complete("registry:register ")).isEmpty();
        assertThat(complete("registry:quota s")).containsExactly("set");
        assertThat(complete("registry:quota set we")).containsExactly("weather-skill");
        assertThat(complete("registry:quota set weather-skill max-a")).containsExactly("max-active", "max-alloc-rate");
        assertThat(complete("registry:quota set weather-skill max-active ")).isEmpty();
        assertThat(complete("registry:quota list ")).isEmpty();
        assertThat(complete("registry:resources l")).containsExactly("logger");
    }

    @Test
    void aCommandWithoutARuleTakesIdsEverywhere() {
        assertThat(complete("registry:future wea")).containsExactly("weather-skill");
        assertThat(complete("registry:future weather-skill lo")).containsExactly("logger");
    }

    @Test
    void theDiagnosticCommandsTakeWhatTheyTake() {
        assertThat(complete("registry:why wea")).containsExactly("weather-skill");
        assertThat(complete("registry:why weather-skill ")).isEmpty();
        assertThat(complete("registry:tree --reverse lo")).containsExactly("logger");
        assertThat(complete("registry:tree --depth 2 lo")).containsExactly("logger");
        assertThat(complete("registry:tree --d")).containsExactly("--depth");
        assertThat(complete("registry:watch logger we")).containsExactly("weather-skill");
        assertThat(complete("registry:top ")).isEmpty();
    }

    @Test
    void bareRegistryFunctionsCompleteLikeScopedOnes() {
        assertThat(complete("info calc")).containsExactly("calculator-skill");
        assertThat(complete("activate --j")).containsExactly("--json");
    }

    @Test
    void commandsOfOtherScopesGetNoArguments() {
        assertThat(complete("felix:start ")).isEmpty();
        assertThat(complete("echo lo")).isEmpty();
    }

    @Test
    void onlyTheLastCommandOfALineCounts() {
        assertThat(complete("registry:list | grep calc; registry:info wea")).containsExactly("weather-skill");
        assertThat(complete("registry:list | gr")).containsExactly("graph");
        assertThat(complete("registry:list | regi")).contains("registry:info");
        assertThat(complete("echo 'a | b' ; registry:info l")).containsExactly("logger");
    }

    @Test
    void quotedWordsAreOneWord() {
        assertThat(complete("registry:error logger 'disk full' ")).isEmpty();
        assertThat(complete("registry:info \"calc")).containsExactly("calculator-skill");
    }

    @Test
    void theRegistryIsAskedOnlyWhenIdsOrTypesAreWanted() {
        AtomicInteger asked = new AtomicInteger();
        completer.complete("registry:list --", COMMANDS, () -> {
            asked.incrementAndGet();
            return List.of();
        });
        completer.complete("registry:l", COMMANDS, () -> {
            asked.incrementAndGet();
            return List.of();
        });
        assertThat(asked).hasValue(0);
        assertThat(completer.complete("registry:info x", COMMANDS, List::of)).isEmpty();
    }

    @Test
    void wordsSplitAtWhiteSpaceAndKeepTheWordBeingTyped() {
        assertThat(LineCompleter.words("a  b")).containsExactly("a", "b");
        assertThat(LineCompleter.words("a b ")).containsExactly("a", "b", "");
        assertThat(LineCompleter.words("")).containsExactly("");
        assertThat(LineCompleter.words("a 'b c' d")).containsExactly("a", "b c", "d");
    }
}
