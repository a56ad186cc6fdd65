package io.happyos.registry.web.internal;

import io.happyos.registry.text.JsonOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writing JSON and text answers, and reading small request bodies. */
final class Responses {

    /** The largest body of a request that is not an upload. */
    static final int MAX_BODY = 64 * 1024;

    static final String JSON = "application/json;charset=utf-8";

    private Responses() {}

    static void json(HttpServletResponse response, int status, Object value) throws IOException {
        text(response, status, JSON, JsonOutput.text(value) + "\n");
    }

    static void text(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * An error as JSON: {@code {"error": message, "status": N}}.
     *
     * @param response the response, not committed yet
     * @param problem the problem
     */
    static void problem(HttpServletResponse response, HttpProblem problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", problem.getMessage());
        body.put("status", problem.status());
        if (problem.status() == HttpProblem.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"happyos\"");
        }
        json(response, problem.status(), body);
    }

    /**
     * A small body as text, refused when it is larger than {@link #MAX_BODY}.
     *
     * @param in the body
     * @return its text
     */
    static String smallBody(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                text.append(buffer, 0, n);
                if (text.length() > MAX_BODY) {
                    throw new HttpProblem(
                            HttpProblem.TOO_LARGE, "the request body is larger than " + MAX_BODY + " bytes");
                }
            }
        }
        return text.toString();
    }
}
