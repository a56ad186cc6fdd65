package io.happyos.registry.web.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;

/**
 * The console page: {@code /} is {@code console/index.html} from this bundle, {@code /console/...}
 * its scripts, styles and the graph library. Nothing else is served from the bundle, and nothing
 * is fetched from anywhere else.
 */
final class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Pattern SAFE_PATH =
            Pattern.compile("(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "mjs", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json;charset=utf-8",
            "map", "application/json;charset=utf-8");

    private final transient Bundle bundle;

    ConsoleServlet(Bundle bundle) {
        this.bundle = bundle;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            doGet(request, response);
        } else {
            Responses.problem(
                    response,
                    new HttpProblem(
                            HttpProblem.METHOD_NOT_ALLOWED,
                            method + " is not served at " + request.getRequestURI()
                                    + ": the console's pages are read only (the API is under /api)"));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String path;
        if (uri.equals("/") || uri.isEmpty() || uri.equals("/index.html")) {
            path = "index.html";
        } else if (uri.startsWith("/console/")) {
            path = uri.substring("/console/".length());
        } else {
            Responses.problem(response, new HttpProblem(HttpProblem.NOT_FOUND, "no such page: " + uri));
            return;
        }
        if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            Responses.problem(response, new HttpProblem(HttpProblem.NOT_FOUND, "no such page: " + uri));
            return;
        }
        URL resource = bundle.getEntry("console/" + path);
        String type = TYPES.get(extension(path));
        if (resource == null || type == null) {
            Responses.problem(response, new HttpProblem(HttpProblem.NOT_FOUND, "no such page: " + uri));
            return;
        }
        byte[] bytes;
        try (InputStream in = resource.openStream()) {
            bytes = in.readAllBytes();
        }
        response.setStatus(200);
        response.setContentType(type);
        response.setContentLength(bytes.length);
        if (!path.equals("index.html")) {
            // the bundle's files change only with the bundle
            response.setHeader("Cache-Control", "private, max-age=300");
        }
        if (!request.getMethod().equals("HEAD")) {
            response.getOutputStream().write(bytes);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
