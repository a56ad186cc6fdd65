package io.happyos.registry.core.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

class ServiceLookupHookTest {

    private static final long REGISTRY = 7;

    private final UsageCounters counters = new UsageCounters();
    private final Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    private final ServiceLookupHook hook = new ServiceLookupHook(REGISTRY, counters, clock);
    private final Bundle provider = bundle(10, "provider");
    private final Bundle consumer = bundle(11, "consumer");

    private static Bundle bundle(long id, String name) {
        return (Bundle) Proxy.newProxyInstance(
                Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> name;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static BundleContext context(Bundle bundle) {
        return (BundleContext) Proxy.newProxyInstance(
                BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> ref(Bundle owner, Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> owner;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ServiceReference<?> broken() {
        return (ServiceReference<?>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new IllegalStateException("service registry is on fire");
                });
    }

    private long lookups(ProviderKey key, long consumerId) {
        ConsumerCounters c = counters.consumers(key).get(consumerId);
        return c == null ? 0 : c.lookups();
    }

    @Test
    void countsEachComponentServiceALookupReturnsAndLeavesTheResultAlone() {
        ServiceReference<?> named = ref(provider, Map.of("happyos.component.name", "echo"));
        ServiceReference<?> ds = ref(provider, Map.of("component.name", "greeting", "happyos.component.name", "x"));
        ServiceReference<?> plain = ref(provider, Map.of("service.id", 3L));
        List<ServiceReference<?>> found = new ArrayList<>(List.of(named, ds, plain));

        hook.find(context(consumer), "com.acme.Echo", null, false, found);
        hook.find(context(consumer), null, "(happyos.component.name=echo)", false, new ArrayList<>(List.of(named)));

        assertThat(found).containsExactly(named, ds, plain);
        assertThat(lookups(new ProviderKey(ProviderKey.Kind.NAMED, 10, "echo"), 11))
                .isEqualTo(2);
        assertThat(lookups(new ProviderKey(ProviderKey.Kind.DS, 10, "greeting"), 11))
                .isEqualTo(1);
        assertThat(lookups(new ProviderKey(ProviderKey.Kind.NAMED, 10, "x"), 11))
                .isZero();
        ConsumerCounters c = counters.consumers(new ProviderKey(ProviderKey.Kind.NAMED, 10, "echo"))
                .get(11L);
        assertThat(c.symbolicName()).isEqualTo("consumer");
        assertThat(c.firstSeen()).isEqualTo(clock.millis()).isEqualTo(c.lastSeen());
    }

    @Test
    void listingsAndTheRegistrysOwnLookupsAreNotCounted() {
        ServiceReference<?> named = ref(provider, Map.of("happyos.component.name", "echo"));
        hook.find(context(consumer), null, null, true, new ArrayList<>(List.of(named)));
        hook.find(
                context(bundle(REGISTRY, "io.happyos.registry.core")),
                "com.acme.Echo",
                null,
                false,
                new ArrayList<>(List.of(named)));
        assertThat(counters.consumers(new ProviderKey(ProviderKey.Kind.NAMED, 10, "echo")))
                .isEmpty();
    }

    @Test
    void aFailureWhileCountingNeverReachesTheCallerNorChangesTheResult() {
        ServiceReference<?> bad = broken();
        List<ServiceReference<?>> found = new ArrayList<>(List.of(bad));
        hook.find(context(consumer), "com.acme.Echo", null, false, found);
        assertThat(found).containsExactly(bad);

        BundleContext invalid = (BundleContext) Proxy.newProxyInstance(
                BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("invalid context");
                });
        hook.find(invalid, "com.acme.Echo", null, false, found);
        assertThat(found).containsExactly(bad);
    }

    @Test
    void countsFromManyThreadsAddUpExactly() throws Exception {
        ServiceReference<?> named = ref(provider, Map.of("happyos.component.name", "echo"));
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Bundle> consumers = List.of(consumer, bundle(12, "other"));
        try {
            for (int t = 0; t < threads; t++) {
                BundleContext context = context(consumers.get(t % 2));
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        hook.find(context, "com.acme.Echo", null, false, List.of(named));
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        ProviderKey key = new ProviderKey(ProviderKey.Kind.NAMED, 10, "echo");
        assertThat(lookups(key, 11)).isEqualTo((long) threads / 2 * perThread);
        assertThat(lookups(key, 12)).isEqualTo((long) threads / 2 * perThread);
    }
}
