package io.happyos.registry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.AuditRecord;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.testing.TestBundle;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The attacks the issue names: each is refused, with a clear message, and changes nothing. */
class WebSecurityIT {

    static WebFixture web;

    @BeforeAll
    static void start() throws Exception {
        web = WebFixture.start();
        TestBundle.builder("guarded").writeToFolder(web.bundles);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> web.registry
                        .findComponent("guarded")
                        .map(e -> e.status() == ComponentStatus.ACTIVE)
                        .orElse(false));
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static long auditCount() {
        return web.registry
                .diagnostics()
                .getAuditLog(AuditQuery.latest().limit(10_000))
                .size();
    }

    private static void unchanged(long audits) {
        assertThat(web.registry.getComponent("guarded").status()).isEqualTo(ComponentStatus.ACTIVE);
        List<AuditRecord> http = web
                .registry
                .diagnostics()
                .getAuditLog(AuditQuery.latest().limit(10_000))
                .stream()
                .filter(a -> a.actor().startsWith("http:"))
                .toList();
        assertThat(http).isEmpty();
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    void theTokenFileIsMadeOnceReadableByItsOwnerOnly() throws Exception {
        var file = web.felix.storage().resolve("http.token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(web.token()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void noTokenAWrongTokenAnotherSchemeOrATokenInTheUrlChangeNothing() throws Exception {
        long audits = auditCount();
        String path = "/api/components/guarded/deactivate";
        HttpResponse<String> none = web.post(path, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body()).contains("Authorization: Bearer TOKEN");
        assertThat(web.post(path, web.token() + "x").statusCode()).isEqualTo(403);
        assertThat(web.post(path, "").statusCode()).isIn(401, 403);
        HttpResponse<String> basic = web.send(HttpRequest.newBuilder(web.uri(path))
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(basic.statusCode()).isEqualTo(401);
        for (String query :
                new String[] {"?token=" + web.token(), "?access_token=" + web.token(), "?x=" + web.token()}) {
            HttpResponse<String> inUrl = web.post(path + query, null);
            assertThat(inUrl.statusCode()).as(query).isEqualTo(400);
            assertThat(inUrl.body()).contains("a token in the URL is refused");
            // even with the right header, a token in the URL is refused
            assertThat(web.post(path + query, web.token()).statusCode()).isEqualTo(400);
        }
        unchanged(audits);
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheTokenAndNoCorsHeaderIsGiven() throws Exception {
        long audits = auditCount();
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/components/guarded/deactivate"))
                .header("Authorization", "Bearer " + web.token())
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("another origin");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> preflight = web.send(HttpRequest.newBuilder(web.uri("/api/components/guarded/deactivate"))
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isIn(403, 405);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        HttpResponse<String> read =
                web.send(HttpRequest.newBuilder(web.uri("/api/components")).header("Origin", "http://evil.example"));
        assertThat(read.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite =
                web.send(HttpRequest.newBuilder(web.uri("/api/components")).header("Sec-Fetch-Site", "cross-site"));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        // the page's own origin is fine
        String own = web.base.getScheme() + "://" + web.base.getHost() + ":" + web.base.getPort();
        assertThat(web.send(HttpRequest.newBuilder(web.uri("/api/components")).header("Origin", own))
                        .statusCode())
                .isEqualTo(200);
        unchanged(audits);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        long audits = auditCount();
        byte[] big = new byte[70 * 1024];
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(web.uri("/api/components/guarded/dependencies"))
                .header("Authorization", "Bearer " + web.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
        assertThat(r.statusCode()).isEqualTo(413);
        unchanged(audits);
    }

    @Test
    void uploadsThatAreNotBundlesOrNameAPathAreRefusedAndNothingReachesTheFolder() throws Exception {
        long audits = auditCount();
        List<String> before;
        try (var files = Files.list(web.bundles)) {
            before = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(upload("notes.jar", "hello, not a zip".getBytes()).statusCode())
                .isEqualTo(422);
        assertThat(upload("plain.jar", TestBundle.plainJar().build()).statusCode())
                .isEqualTo(422);
        assertThat(upload("empty.jar", new byte[0]).statusCode()).isEqualTo(422);
        assertThat(upload(
                                "truncated.jar",
                                TestBundle.builder("cut").truncatedInHalf().build())
                        .statusCode())
                .isEqualTo(422);
        for (String name : new String[] {
            "..%2F..%2Fevil.jar", "%2E%2E%2Fevil.jar", "evil.txt", ".hidden.jar", "a%00b.jar", "sub%2Fx.jar"
        }) {
            HttpResponse<String> r = upload(name, TestBundle.builder("evil").build());
            assertThat(r.statusCode()).as(name).isIn(400, 404, 405);
        }
        HttpResponse<String> raw = web.send(HttpRequest.newBuilder(URI.create(web.base + "api/bundles/../../evil.jar"))
                .header("Authorization", "Bearer " + web.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        TestBundle.builder("evil").build())));
        assertThat(raw.statusCode()).isIn(400, 404, 405);
        HttpResponse<String> noToken = web.send(HttpRequest.newBuilder(web.uri("/api/bundles/evil.jar"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(
                        TestBundle.builder("evil").build())));
        assertThat(noToken.statusCode()).isEqualTo(401);
        List<String> after;
        try (var files = Files.list(web.bundles)) {
            after = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(after).isEqualTo(before);
        assertThat(web.felix.storage().getParent().resolve("evil.jar")).doesNotExist();
        assertThat(web.registry.findComponent("evil")).isEmpty();
        unchanged(audits);
    }

    @Test
    void unknownIdsAndPathsAre404AndNeverEchoMarkupUnescaped() throws Exception {
        HttpResponse<String> r = web.get("/api/components/no-such-thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("no-such-thing");
        assertThat(web.get("/api/components/%2E%2E/why").statusCode()).isIn(400, 404);
        assertThat(web.get("/api/nothing-here").statusCode()).isEqualTo(404);
        assertThat(web.get("/console/../../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(web.get("/console/%2e%2e/%2e%2e/META-INF/MANIFEST.MF").statusCode())
                .isIn(400, 404);
        HttpResponse<String> script = web.get("/api/components/%3Cscript%3E");
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private static HttpResponse<String> upload(String name, byte[] body) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create(web.base + "api/bundles/" + name))
                .header("Authorization", "Bearer " + web.token())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
