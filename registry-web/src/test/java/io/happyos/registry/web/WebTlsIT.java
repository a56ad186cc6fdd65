package io.happyos.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * HTTPS with a keystore, as {@code --http-tls} sets it up: the API answers over TLS, with the same
 * token rules, and plain HTTP is not served.
 */
class WebTlsIT {

    @Test
    void theApiIsServedOverHttpsOnlyWithTheSameRules() throws Exception {
        Path dir = Files.createTempDirectory("happyos-tls-");
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        "secret-pass",
                        "-keypass",
                        "secret-pass")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();

        try (WebFixture web = WebFixture.start(Map.of(
                "org.apache.felix.http.enable", "false",
                "org.apache.felix.https.enable", "true",
                "org.osgi.service.http.port.secure", "0",
                "org.apache.felix.https.keystore", keystore.toString(),
                "org.apache.felix.https.keystore.type", "PKCS12",
                "org.apache.felix.https.keystore.password", "secret-pass",
                "org.apache.felix.https.keystore.key.password", "secret-pass"))) {
            assertThat(web.base.getScheme()).isEqualTo("https");
            HttpClient client = HttpClient.newBuilder()
                    .sslContext(trustingContext())
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpResponse<String> list = client.send(
                    HttpRequest.newBuilder(web.uri("/api/components")).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> change = client.send(
                    HttpRequest.newBuilder(web.uri("/api/components/nothing/activate"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(change.statusCode()).isEqualTo(401);
            URI plain = URI.create("http://127.0.0.1:" + web.base.getPort() + "/api/components");
            assertThat(catchStatus(HttpClient.newHttpClient(), plain)).isNotEqualTo(200);
        }
    }

    private static int catchStatus(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception refused) {
            return -1;
        }
    }

    /** Trusts the test's own self-signed certificate: the test checks the server, not the PKI. */
    private static SSLContext trustingContext() throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
        return context;
    }
}
