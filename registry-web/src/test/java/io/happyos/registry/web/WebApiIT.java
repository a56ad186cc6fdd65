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
    void securityHeaders() throws Exception {
        HttpResponse<String> r =
                web.send(HttpRequest.newBuilder(web.uri("/api/order")).GET());
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
