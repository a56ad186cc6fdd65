package io.happyos.registry.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.happyos.registry.launcher.LauncherProcess.Result;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with {@code --http 0}, as a user starts it and drives it with an HTTP client: the URL
 * line, the token file, a read, a change with the token audited as the client, and the same token
 * after a clean restart; and a container without {@code --http} carrying nothing of the web.
 */
class WebLauncherIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern WEB_LINE = Pattern.compile(
            "Web console: (http://127\\.0\\.0\\.1:\\d+/) \\(changes need the bearer token in (\\S+)\\)");

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theApiServesTheSamplesAndAChangeWithTheTokenIsAuditedAsTheClient() throws Exception {
        Path bundles = Files.createDirectories(work.resolve("bundles"));
        Files.copy(
                LauncherProcess.sampleBundles().resolve("config-manager-1.0.0.jar"),
                bundles.resolve("config-manager-1.0.0.jar"));
        Path storage = work.resolve("storage");
        String firstToken;
        Process launcher = start(storage, bundles, "web1");
        try {
            URI base = awaitUrl("web1");
            Path tokenFile = storage.resolve("http.token");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)))
                    .isEqualTo("rw-------");
            firstToken = Files.readString(tokenFile).strip();

            HttpResponse<String> list = get(base.resolve("api/components"));
            HttpResponse<String> refused = post(base.resolve("api/components/config-manager/deactivate"), null);
            HttpResponse<String> done = post(base.resolve("api/components/config-manager/deactivate"), firstToken);
            HttpResponse<String> audit = get(base.resolve("api/audit?component=config-manager"));

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains("\"id\":\"config-manager\"");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            assertThat(done.body()).contains("\"status\":\"INACTIVE\"");
            assertThat(audit.body()).contains("\"actor\":\"http:127.0.0.1\"", "\"operation\":\"deactivate\"");
        } finally {
            stop(launcher);
        }
        // a clean start keeps the token: scripts that hold it go on working
        Process again = start(storage, bundles, "web2", "--clean");
        try {
            URI base = awaitUrl("web2");
            assertThat(Files.readString(storage.resolve("http.token")).strip()).isEqualTo(firstToken);
            assertThat(post(base.resolve("api/components/config-manager/activate"), firstToken)
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            stop(again);
        }
    }

    @Test
    void withoutHttpNothingOfTheWebIsInstalled() throws Exception {
        Result result = LauncherProcess.run(work, "--storage", work.resolve("s").toString(), "-c", "lb");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).doesNotContain("Jetty", "jetty", "registry-web", "Servlet");
        assertThat(result.stderr()).doesNotContain("Web console");
    }

    @Test
    void aTokenFileOthersMayReadRefusesTheStartSayingHowToFixIt() throws Exception {
        Path token = Files.writeString(work.resolve("token"), "a-token-that-everyone-can-read\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        Result result = LauncherProcess.run(
                work,
                "--storage",
                work.resolve("s").toString(),
                "--http",
                "0",
                "--http-token-file",
                token.toString(),
                "-c",
                "lb");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("may be read by others", "chmod 600 " + token);
    }

    @Test
    void aPortInUseRefusesTheStartNamingIt() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Result result = LauncherProcess.run(
                    work, "--storage", work.resolve("s").toString(), "--http", "" + taken.getLocalPort(), "-c", "lb");

            assertThat(result.exitCode()).isEqualTo(3);
            assertThat(result.stderr())
                    .contains("Cannot listen on 127.0.0.1:" + taken.getLocalPort() + " (--http): the port is in use");
        }
    }

    private Process start(Path storage, Path bundles, String name, String... more) throws Exception {
        String[] args = {"--storage", storage.toString(), "--bundles", bundles.toString(), "--http", "0"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return LauncherProcess.start(work, name, all);
    }

    private URI awaitUrl(String name) {
        Path stderr = work.resolve(name + "-stderr.txt");
        AtomicReference<URI> uri = new AtomicReference<>();
        await().atMost(START).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Matcher matcher = WEB_LINE.matcher(Files.readString(stderr));
            assertThat(matcher.find())
                    .as("web line in %s; stdout: %s", stderr, Files.readString(work.resolve(name + "-stdout.txt")))
                    .isTrue();
            uri.set(URI.create(matcher.group(1)));
        });
        return uri.get();
    }

    private static void stop(Process launcher) throws Exception {
        try (OutputStream in = launcher.getOutputStream()) {
            in.write("\n".getBytes(StandardCharsets.UTF_8));
        }
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI uri, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
