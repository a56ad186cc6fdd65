package io.happyos.registry.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's decisions for clients on other hosts, which the ITs (loopback only) cannot be. */
class WebGuardTest {

    @TempDir
    Path dir;

    private AccessToken token;
    private WebGuard guard;

    @BeforeEach
    void setUp() throws Exception {
        token = AccessToken.load(dir.resolve("http.token"));
        guard = new WebGuard(() -> token, 1024);
    }

    /** What one request did: the status written (0 when it passed), and its attributes. */
    record Outcome(int status, boolean passed, Map<String, Object> attributes, String body) {}

    private Outcome call(String method, String remote, String path, String authorization) throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, String> headers = new HashMap<>();
        headers.put("Host", "192.0.2.2:8080");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletRequest.class}, (p, m, args) -> {
                    return switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRemoteAddr" -> remote;
                        case "getRequestURI" -> path;
                        case "getContextPath" -> "";
                        case "getQueryString" -> null;
                        case "getScheme" -> "http";
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getContentLengthLong" -> -1L;
                        case "setAttribute" -> attributes.put((String) args[0], args[1]);
                        case "getAttribute" -> attributes.get((String) args[0]);
                        default -> null;
                    };
                });
        int[] status = {0};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> {
                    if (m.getName().equals("setStatus")) {
                        status[0] = (Integer) args[0];
                    }
                    return m.getName().equals("getOutputStream") ? out : null;
                });
        boolean[] passed = {false};
        guard.doFilter(request, response, (req, res) -> passed[0] = true);
        return new Outcome(status[0], passed[0], attributes, bytes.toString());
    }

    private String bearer() throws Exception {
        return "Bearer " + Files.readString(dir.resolve("http.token")).strip();
    }

    @Test
    void aRemoteReadOfDataNeedsTheTokenALoopbackOneDoesNot() throws Exception {
        assertThat(call("GET", "192.0.2.9", "/api/components", null).status()).isEqualTo(401);
        assertThat(call("GET", "192.0.2.9", "/api/components", "Bearer wrong-wrong-wrong-wrong")
                        .status())
                .isEqualTo(403);
        Outcome withToken = call("GET", "192.0.2.9", "/api/components", bearer());
        assertThat(withToken.passed()).isTrue();
        assertThat(withToken.attributes()).containsEntry(WebGuard.TRUSTED, true);
        Outcome local = call("GET", "127.0.0.1", "/api/components", null);
        assertThat(local.passed()).isTrue();
        assertThat(local.attributes()).containsEntry(WebGuard.TRUSTED, true);
        assertThat(call("GET", "::1", "/api/events", null).passed()).isTrue();
        assertThat(call("GET", "192.0.2.9", "/api/events", null).status()).isEqualTo(401);
        assertThat(call("GET", "192.0.2.9", "/metrics", null).status()).isEqualTo(401);
    }

    @Test
    void theConsolesFilesAndHealthLoadFromAnywhereHealthWithoutDetailsUnlessTrusted() throws Exception {
        assertThat(call("GET", "192.0.2.9", "/", null).passed()).isTrue();
        assertThat(call("GET", "192.0.2.9", "/console/console.js", null).passed())
                .isTrue();
        Outcome probe = call("GET", "192.0.2.9", "/health", null);
        assertThat(probe.passed()).isTrue();
        assertThat(probe.attributes()).containsEntry(WebGuard.TRUSTED, false);
        assertThat(call("GET", "192.0.2.9", "/health", bearer()).attributes()).containsEntry(WebGuard.TRUSTED, true);
        // a change is never open, from anywhere
        assertThat(call("POST", "127.0.0.1", "/api/components/x/activate", null).status())
                .isEqualTo(401);
        assertThat(call("POST", "192.0.2.9", "/health", null).status()).isEqualTo(401);
    }

    @Test
    void loopbackIsDecidedFromTheAddressLiteralOnly() {
        assertThat(WebGuard.isLoopback("127.0.0.1")).isTrue();
        assertThat(WebGuard.isLoopback("127.8.9.10")).isTrue();
        assertThat(WebGuard.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(WebGuard.isLoopback("[::1]")).isTrue();
        assertThat(WebGuard.isLoopback("localhost")).isFalse();
        assertThat(WebGuard.isLoopback("192.0.2.9")).isFalse();
        assertThat(WebGuard.isLoopback("::ffff:10.0.0.1")).isFalse();
        assertThat(WebGuard.isLoopback(null)).isFalse();
        assertThat(WebGuard.sameOrigin("http://127.0.0.1:8080", "http://127.0.0.1:8080"))
                .isTrue();
        assertThat(WebGuard.sameOrigin("http://127.0.0.1:8081", "http://127.0.0.1:8080"))
                .isFalse();
        assertThat(WebGuard.sameOrigin("https://127.0.0.1:8080", "http://127.0.0.1:8080"))
                .isFalse();
        assertThat(WebGuard.sameOrigin("null", "http://127.0.0.1:8080")).isFalse();
    }
}
