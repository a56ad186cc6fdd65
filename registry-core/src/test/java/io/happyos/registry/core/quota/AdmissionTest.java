package io.happyos.registry.core.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.Quota;
import io.happyos.registry.QuotaExceededException;
import io.happyos.registry.QuotaLimit;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    private static Admission.Counted c(String id, String type, ComponentStatus status) {
        return new Admission.Counted(id, type, status);
    }

    private static QuotaBook book(Quota... quotas) {
        QuotaBook book = new QuotaBook();
        for (Quota q : quotas) {
            book.put(new QuotaBook.Entry(q, "test", Instant.EPOCH));
        }
        return book;
    }

    private final List<Admission.Counted> components = List.of(
            c("io.happyos.registry.core", "system", ComponentStatus.ACTIVE),
            c("calc", "skill", ComponentStatus.ACTIVE),
            c("weather", "skill", ComponentStatus.ACTIVE),
            c("greeting", "skill", ComponentStatus.REGISTERED),
            c("util", "library", ComponentStatus.REGISTERED));

    @Test
    void maxActiveRefusesWhatWouldExceedItNamingTheQuotaTheUseAndTheFix() {
        QuotaBook book = book(new Quota("type:skill", QuotaLimit.MAX_ACTIVE, 2));

        assertThatThrownBy(() -> Admission.activate(
                        book,
                        "greeting",
                        List.of(
                                c("util", "library", ComponentStatus.REGISTERED),
                                c("greeting", "skill", ComponentStatus.REGISTERED)),
                        components))
                .isInstanceOfSatisfying(QuotaExceededException.class, e -> {
                    assertThat(e.quota().scope()).isEqualTo("type:skill");
                    assertThat(e.used()).isEqualTo(2);
                    assertThat(e.componentId()).isEqualTo("greeting");
                })
                .hasMessage("quota max-active of type:skill is 2 and 2 are active (calc, weather): activating greeting"
                        + " would make 3; deactivate one (registry:deactivate calc), or raise the quota with"
                        + " registry:quota set type:skill max-active 3");
    }

    @Test
    void maxActiveCountsTheDependenciesAnActivationWouldStartAndNotTheOnesAlreadyActive() {
        QuotaBook book = book(new Quota("global", QuotaLimit.MAX_ACTIVE, 3));
        // calc is active already: starting calc (again) and util makes 3
        assertThatCode(() -> Admission.activate(
                        book, "util", List.of(c("util", "library", ComponentStatus.REGISTERED)), components))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Admission.activate(
                        book,
                        "greeting",
                        List.of(
                                c("util", "library", ComponentStatus.REGISTERED),
                                c("greeting", "skill", ComponentStatus.REGISTERED)),
                        components))
                .hasMessageContaining("activating greeting would make 4 (util, greeting)");
    }

    @Test
    void theContainersOwnComponentsNeitherCountNorAreRefused() {
        QuotaBook book =
                book(new Quota("global", QuotaLimit.MAX_ACTIVE, 2), new Quota("global", QuotaLimit.MAX_COMPONENTS, 5));
        assertThatCode(() -> Admission.activate(
                        book,
                        "io.happyos.registry.shell",
                        List.of(c("io.happyos.registry.shell", "system", ComponentStatus.REGISTERED)),
                        components))
                .doesNotThrowAnyException();
        assertThatCode(() -> Admission.register(book, "echo", "skill", components))
                .doesNotThrowAnyException();
        List<Admission.Counted> more = new java.util.ArrayList<>(components);
        more.add(c("x", "bundle", ComponentStatus.REGISTERED));
        assertThatThrownBy(() -> Admission.register(book, "echo", "skill", more))
                .hasMessage(
                        "quota max-components of global is 5 and 5 are registered (calc, greeting, util, weather, x):"
                                + " registering echo would make 6; unregister one, or raise the quota with registry:quota set"
                                + " global max-components 6");
    }

    @Test
    void aQuotaOfOneComponentOrAnotherTypeDoesNotCountOthers() {
        QuotaBook book =
                book(new Quota("type:library", QuotaLimit.MAX_ACTIVE, 0), new Quota("calc", QuotaLimit.MAX_ACTIVE, 1));
        assertThatCode(() -> Admission.activate(
                        book, "greeting", List.of(c("greeting", "skill", ComponentStatus.REGISTERED)), components))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Admission.activate(
                        book, "util", List.of(c("util", "library", ComponentStatus.REGISTERED)), components))
                .hasMessageStartingWith(
                        "quota max-active of type:library is 0 and 0 are active: activating util would make 1;");
    }

    @Test
    void maxInstancesCountsTheInstancesHeldInTheScopeButNotTheOneAskedFor() {
        QuotaBook book = book(new Quota("type:skill", QuotaLimit.MAX_INSTANCES, 1));
        assertThatCode(() -> Admission.instance(book, "calc", "skill", components, Set.of("calc")::contains))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Admission.instance(book, "weather", "skill", components, Set.of("calc")::contains))
                .hasMessageContaining("quota max-instances of type:skill is 1 and the registry holds 1 instance (calc):"
                        + " making the instance of weather would make 2")
                .hasMessageContaining("registry:quota set type:skill max-instances 2");
    }

    @Test
    void aClusterScopeIsLeftToTheLedger() {
        QuotaBook book = book(new Quota("cluster:type:skill", QuotaLimit.MAX_ACTIVE, 1));
        assertThatCode(() -> Admission.activate(
                        book, "greeting", List.of(c("greeting", "skill", ComponentStatus.REGISTERED)), components))
                .doesNotThrowAnyException();
    }
}
