package io.happyos.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebApiIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static WebFixture web;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start();
        TestBundle.builder("web-base").exportPackage("web.base").writeToFolder(web.bundles);
        TestBundle.builder("web-user").importPackage("web.base").writeToFolder(web.bundles);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> web.registry
                        .findComponent("web-user")
                        .map(e -> e.status() == ComponentStatus.ACTIVE)
                        .orElse(false));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    @Test
    void listsTheComponentsAsTheShellDoes() throws Exception {
        HttpResponse<String> r = web.get("/api/components");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode list = JSON.readTree(r.body());
        assertThat(list.findValuesAsText("id")).contains("web-base", "web-user");
        JsonNode user = JSON.readTree(web.get("/api/components/web-user").body());
        assertThat(user.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(user.get("dependencies").toString()).contains("web-base");
    }

    @Test
    void aChangeNeedsTheTokenAndIsAuditedWithTheClientsAddress() throws Exception {
        assertThat(web.post("/api/components/web-user/deactivate", null).statusCode())
                .isEqualTo(401);
        assertThat(web.post("/api/components/web-user/deactivate", "wrong-token-wrong-token")
                        .statusCode())
                .isEqualTo(403);
        assertThat(web.registry.getComponent("web-user").status()).isEqualTo(ComponentStatus.ACTIVE);
        HttpResponse<String> ok = web.post("/api/components/web-user/deactivate", web.token());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(web.registry.getComponent("web-user").status()).isEqualTo(ComponentStatus.INACTIVE);
        assertThat(web.registry.diagnostics().getAuditLog(AuditQuery.latest().forComponent("web-user")))
                .anySatisfy(a -> assertThat(a.actor()).isEqualTo("http:127.0.0.1"));
        assertThat(web.post("/api/components/web-user/activate", web.token()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void metricsAndHealth() throws Exception {
        HttpResponse<String> metrics = web.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("happyos_components{status=\"ACTIVE\"}");
        HttpResponse<String> health = web.get("/health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    }

    @Test
    void metricsShowTheMetersAndValuesTheCoreExportsOverJmx() throws Exception {
        web.registry.instances().registerInstanceFactory("web-metered", entry -> "made:" + entry.id());
        String id = web.registry
                .registerComponent(io.happyos.registry.ComponentInfo.of("web-metered-one", "web-metered"))
                .toCompletableFuture()
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        web.registry.activateComponent(id).toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(web.registry.getComponentInstance(id)).isEqualTo("made:" + id);
        javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        String container = javax.management.ObjectName.quote(
                java.nio.file.Path.of(web.felix.context().getProperty("org.osgi.framework.storage"))
                        .toAbsolutePath()
                        .normalize()
                        .toString());
        javax.management.ObjectName misses = new javax.management.ObjectName(
                "io.happyos.registry:container=" + container + ",type=meters,name=happyos.cache.misses");
        javax.management.ObjectName writes = new javax.management.ObjectName(
                "io.happyos.registry:container=" + container + ",type=timers,name=happyos.persistence.write");
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> server.isRegistered(writes));

        // counters only grow: what the scrape shows lies between what JMX showed before and after it
        double missesBefore = ((Number) server.getAttribute(misses, "Count")).doubleValue();
        long writesBefore = ((Number) server.getAttribute(writes, "Count")).longValue();
        String scraped = web.get("/metrics").body();
        double missesAfter = ((Number) server.getAttribute(misses, "Count")).doubleValue();
        long writesAfter = ((Number) server.getAttribute(writes, "Count")).longValue();

        assertThat(missesBefore).isGreaterThanOrEqualTo(1);
        assertThat(writesBefore).isPositive();
        assertThat(scraped(scraped, "happyos_cache_misses_total")).isBetween(missesBefore, missesAfter);
        assertThat(scraped(scraped, "happyos_persistence_write_seconds_count"))
                .isBetween((double) writesBefore, (double) writesAfter);
        assertThat(scraped).contains("happyos_persistence_write_seconds_sum", "happyos_persistence_write_max_seconds");
        assertThat(scraped).contains("happyos_cache_hits_total", "happyos_errors_total", "happyos_reloads_total");
    }

    private static double scraped(String text, String name) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        assertThat(m.find()).as(name + " in /metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void securityHeaders() throws Exception {
        HttpResponse<String> r =
                web.send(HttpRequest.newBuilder(web.uri("/api/order")).GET());
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
