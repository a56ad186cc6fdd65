package io.happyos.registry.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.happyos.registry.DynamicRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorViewTest {

    /** Methods whose result does not depend on who calls: they go straight through, with no frame. */
    private static final Set<String> READS = Set.of("getComponent", "findComponent", "listComponents",
            "getComponentsByType", "getComponentsByStatus", "findComponentByPath", "getDependencies",
            "getDependencyDetails", "getDependents", "hasCircularDependency", "findCircularDependencies",
            "getActivationOrder", "getRecentStatusChanges", "getHealthyComponents", "getComponentsByIndex",
            "getIndexNames", "getHealthStats", "getUsageStats", "getPerformanceMetrics", "getActivationTime",
            "getServiceUsage", "getDrift", "getDependencyGraph", "exportDependencyGraph", "getVersionHistory",
            "getImpact", "getAuditLog", "explain");

    private final Map<String, String> actorSeen = new HashMap<>();

    private final DynamicRegistry registry = (DynamicRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {DynamicRegistry.class}, (proxy, method, args) -> {
                if (method.getName().equals("markComponentError")) {
                    throw new IllegalStateException("refused");
                }
                actorSeen.put(method.getName(), Actors.current());
                return defaultValue(method.getReturnType());
            });

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return null;
    }

    @Test
    void everyCallThatDependsOnTheCallerRunsAsItsActorAndTheFrameIsPoppedAfterwards() throws Exception {
        DynamicRegistry view = Actors.view(registry, "bundle:acme", null);
        int calls = 0;
        for (Method method : DynamicRegistry.class.getMethods()) {
            if (Modifier.isStatic(method.getModifiers()) || method.getName().equals("markComponentError")) {
                continue;
            }
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = defaultValue(method.getParameterTypes()[i]);
            }
            method.invoke(view, args);
            calls++;
            String expected = READS.contains(method.getName()) ? Actors.REGISTRY : "bundle:acme";
            assertThat(actorSeen.get(method.getName())).as(method.toString()).isEqualTo(expected);
            assertThat(Actors.current()).as("after " + method).isEqualTo(Actors.REGISTRY);
        }
        assertThat(calls).isGreaterThan(50);
        assertThat(view.toString()).isEqualTo("DynamicRegistry for bundle:acme");
    }

    @Test
    void aCallThatThrowsStillPopsItsFrameAndNestedViewsRestoreTheOuterActor() throws Exception {
        DynamicRegistry view = Actors.view(registry, "bundle:acme", null);
        assertThatThrownBy(() -> view.markComponentError("x", "y")).hasMessage("refused");
        assertThat(Actors.current()).isEqualTo(Actors.REGISTRY);

        Actors.as("folder-watcher", () -> {
            view.activateComponent("x");
            assertThat(Actors.current()).isEqualTo("folder-watcher");
            return null;
        });
        assertThat(actorSeen.get("activateComponent")).isEqualTo("bundle:acme");
        assertThat(Actors.current()).isEqualTo(Actors.REGISTRY);
    }

    @Test
    void deepNestingGrowsTheFrame() throws Exception {
        int[] depth = {0};
        java.util.concurrent.Callable<String>[] nest = new java.util.concurrent.Callable[1];
        nest[0] = () -> {
            if (++depth[0] < 10) {
                return Actors.as("level-" + depth[0], nest[0]);
            }
            return Actors.current();
        };
        assertThat(Actors.as("level-0", nest[0])).isEqualTo("level-9");
        assertThat(Actors.current()).isEqualTo(Actors.REGISTRY);
    }
}
