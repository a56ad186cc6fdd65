package io.happyos.registry.web.internal;

import io.happyos.registry.AuditQuery;
import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.GraphFormat;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.ComponentFilter;
import io.happyos.registry.text.DependencyTree;
import io.happyos.registry.text.DurationParser;
import io.happyos.registry.text.EntryJson;
import io.happyos.registry.text.JsonInput;
import io.happyos.registry.text.RegistryJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under {@code /api}: the same things as the shell's commands, with the same fields
 * as their {@code --json} output ({@link RegistryJson}). Changes run as the actor
 * {@code http:ADDRESS} ({@link DynamicRegistry#actingFor}), so the audit log names the client.
 */
final class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    /** How long a change waits for the registry: starting a bundle can take a while. */
    static final Duration OPERATION_TIMEOUT = Duration.ofMinutes(5);

    private static final int DEFAULT_AUDIT_LIMIT = 100;
    private static final int MAX_AUDIT_LIMIT = 10_000;
    private static final int DEFAULT_TREE_DEPTH = Integer.MAX_VALUE;

    private final transient Supplier<DynamicRegistry> registry;
    private final transient Uploads uploads;

    ApiServlet(Supplier<DynamicRegistry> registry, Uploads uploads) {
        this.registry = registry;
        this.uploads = uploads;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            route(request, response, segments(request));
        } catch (HttpProblem problem) {
            Responses.problem(response, problem);
        } catch (RuntimeException e) {
            HttpProblem problem = HttpProblem.of(e);
            if (problem.status() >= HttpProblem.SERVER_ERROR) {
                LOG.warn("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            }
            Responses.problem(response, problem);
        }
    }

    /** The path below {@code /api}, split at each slash and decoded segment by segment. */
    static List<String> segments(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String prefix = request.getContextPath() + request.getServletPath();
        String rest = uri.length() >= prefix.length() ? uri.substring(prefix.length()) : "";
        List<String> out = new ArrayList<>();
        for (String raw : rest.split("/", -1)) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (segment.equals("..") || segment.equals(".") || segment.indexOf('\0') >= 0) {
                throw new HttpProblem(HttpProblem.BAD_REQUEST, "the path may not contain '.' or '..' segments");
            }
            out.add(segment);
        }
        return out;
    }

    private void route(HttpServletRequest request, HttpServletResponse response, List<String> path) throws IOException {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String first = path.isEmpty() ? "" : path.get(0);
        DynamicRegistry reader = registry();
        switch (first) {
            case "components" -> components(request, response, method, path);
            case "order" -> {
                only(method, "GET", path, 1);
                Responses.json(response, 200, reader.dependencies().getActivationOrder(allIds(reader)));
            }
            case "cycles" -> {
                only(method, "GET", path, 1);
                Responses.json(response, 200, reader.dependencies().findCircularDependencies());
            }
            case "graph" -> {
                only(method, "GET", path, 1);
                graph(request, response, reader);
            }
            case "audit" -> {
                only(method, "GET", path, 1);
                Responses.json(
                        response,
                        200,
                        reader.diagnostics().getAuditLog(auditQuery(request)).stream()
                                .map(RegistryJson::audit)
                                .toList());
            }
            case "stats" -> {
                only(method, "GET", path, 1);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("health", RegistryJson.health(reader.getHealthStats()));
                out.put("usage", RegistryJson.usage(reader.diagnostics().getUsageStats()));
                out.put(
                        "performance",
                        RegistryJson.performance(reader.diagnostics().getPerformanceMetrics()));
                Responses.json(response, 200, out);
            }
            case "bundles" -> {
                if (path.size() != 2) {
                    throw notFound(request);
                }
                only(method, "PUT", path, 2);
                uploads.put(request, response, path.get(1), actor(request));
            }
            default -> throw notFound(request);
        }
    }

    private void components(HttpServletRequest request, HttpServletResponse response, String method, List<String> path)
            throws IOException {
        DynamicRegistry reader = registry();
        if (path.size() == 1) {
            only(method, "GET", path, 1);
            Responses.json(response, 200, RegistryJson.entries(filtered(reader, request)));
            return;
        }
        String id = path.get(1);
        if (path.size() == 2) {
            only(method, "GET", path, 2);
            Responses.json(response, 200, EntryJson.toMap(reader.getComponent(id)));
            return;
        }
        String what = path.get(2);
        if (path.size() == 3 && method.equals("GET")) {
            reader.getComponent(id);
            Object body = switch (what) {
                case "why" -> RegistryJson.explanation(reader.diagnostics().explain(id));
                case "tree" ->
                    RegistryJson.tree(DependencyTree.build(
                            id,
                            DependencyTree.of(reader, "dependents".equals(request.getParameter("direction"))),
                            depth(request)));
                case "impact" -> reader.dependencies().getImpact(id);
                case "history" -> RegistryJson.versions(reader.versions().getVersionHistory(id));
                case "dependencies" ->
                    RegistryJson.dependencies(reader.dependencies().getDependencyDetails(id));
                case "dependents" -> RegistryJson.dependencies(DependencyTree.dependentEdges(reader, id));
                default -> throw notFound(request);
            };
            Responses.json(response, 200, body);
            return;
        }
        change(request, response, method, path, id, what);
    }

    private void change(
            HttpServletRequest request,
            HttpServletResponse response,
            String method,
            List<String> path,
            String id,
            String what)
            throws IOException {
        DynamicRegistry acting = registry().actingFor(actor(request));
        if (path.size() == 3 && method.equals("POST")) {
            switch (what) {
                case "activate" -> {
                    acting.getComponent(id);
                    await(acting.activateComponent(id), "activate " + id);
                    Responses.json(response, 200, EntryJson.toMap(acting.getComponent(id)));
                }
                case "deactivate" -> {
                    acting.getComponent(id);
                    await(acting.deactivateComponent(id), "deactivate " + id);
                    Responses.json(response, 200, EntryJson.toMap(acting.getComponent(id)));
                }
                case "rollback" -> {
                    acting.getComponent(id);
                    String version = optionalField(request, "version");
                    String to = await(
                            version == null
                                    ? acting.versions().rollbackComponent(id)
                                    : acting.versions().rollbackComponent(id, version),
                            "roll back " + id);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", id);
                    out.put("version", to);
                    Responses.json(response, 200, out);
                }
                case "dependencies" -> {
                    acting.getComponent(id);
                    String dependency = requiredField(request, "dependency");
                    acting.getComponent(dependency);
                    await(acting.dependencies().addDependency(id, dependency), "add " + id + " -> " + dependency);
                    Responses.json(response, 200, dependencyReport(acting, id, dependency));
                }
                default -> throw notFound(request);
            }
            return;
        }
        if (path.size() == 4 && what.equals("dependencies") && method.equals("DELETE")) {
            String dependency = path.get(3);
            acting.getComponent(id);
            await(acting.dependencies().removeDependency(id, dependency), "remove " + id + " -> " + dependency);
            Responses.json(response, 200, dependencyReport(acting, id, dependency));
            return;
        }
        if (path.size() <= 4) {
            throw new HttpProblem(
                    HttpProblem.METHOD_NOT_ALLOWED,
                    method + " is not served at " + request.getRequestURI() + ": see docs/web.md for the API");
        }
        throw notFound(request);
    }

    /** As {@code registry:depend --json}: {@code dependent, dependency, dependencies}. */
    private static Map<String, Object> dependencyReport(DynamicRegistry registry, String from, String to) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dependent", from);
        out.put("dependency", to);
        out.put(
                "dependencies",
                registry.dependencies().getDependencies(from).stream().sorted().toList());
        return out;
    }

    private static List<RegistryEntry> filtered(DynamicRegistry registry, HttpServletRequest request) {
        String statusText = blankToNull(request.getParameter("status"));
        ComponentFilter filter = new ComponentFilter(
                request.getParameter("type"),
                statusText == null ? null : status(statusText),
                "true".equalsIgnoreCase(request.getParameter("all")));
        return filter.apply(registry.listComponents());
    }

    private static ComponentStatus status(String text) {
        try {
            return ComponentStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(
                    HttpProblem.BAD_REQUEST,
                    "unknown status '" + text + "': give one of " + Arrays.toString(ComponentStatus.values()));
        }
    }

    private static void graph(HttpServletRequest request, HttpServletResponse response, DynamicRegistry registry)
            throws IOException {
        String format = blankToNull(request.getParameter("format"));
        GraphFormat graphFormat;
        String type;
        switch (format == null ? "json" : format.toLowerCase(Locale.ROOT)) {
            case "json" -> {
                graphFormat = GraphFormat.JSON;
                type = Responses.JSON;
            }
            case "dot" -> {
                graphFormat = GraphFormat.DOT;
                type = "text/vnd.graphviz;charset=utf-8";
            }
            case "mermaid" -> {
                graphFormat = GraphFormat.MERMAID;
                type = "text/plain;charset=utf-8";
            }
            default ->
                throw new HttpProblem(
                        HttpProblem.BAD_REQUEST, "unknown graph format '" + format + "': give json, dot or mermaid");
        }
        String id = blankToNull(request.getParameter("id"));
        Responses.text(response, 200, type, registry.dependencies().exportDependencyGraph(graphFormat, id));
    }

    private static AuditQuery auditQuery(HttpServletRequest request) {
        int limit = DEFAULT_AUDIT_LIMIT;
        String limitText = blankToNull(request.getParameter("limit"));
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw new HttpProblem(HttpProblem.BAD_REQUEST, "limit must be a whole number, not '" + limitText + "'");
            }
            if (limit < 1 || limit > MAX_AUDIT_LIMIT) {
                throw new HttpProblem(
                        HttpProblem.BAD_REQUEST, "limit must be between 1 and " + MAX_AUDIT_LIMIT + ", not " + limit);
            }
        }
        return new AuditQuery(
                blankToNull(request.getParameter("component")),
                blankToNull(request.getParameter("operation")),
                blankToNull(request.getParameter("actor")),
                instant(request.getParameter("since"), "since"),
                instant(request.getParameter("until"), "until"),
                "true".equalsIgnoreCase(request.getParameter("failed")),
                limit);
    }

    /** An ISO-8601 instant, or a duration back from now ({@code 10m}, {@code 2h}). */
    private static Instant instant(String text, String name) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Instant.now().minus(DurationParser.parse(t, name));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                throw new HttpProblem(
                        HttpProblem.BAD_REQUEST,
                        "bad " + name + " '" + text + "': give an ISO-8601 instant or " + DurationParser.FORMS);
            }
        }
    }

    private static int depth(HttpServletRequest request) {
        String text = blankToNull(request.getParameter("depth"));
        if (text == null) {
            return DEFAULT_TREE_DEPTH;
        }
        try {
            int depth = Integer.parseInt(text);
            if (depth >= 1) {
                return depth;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new HttpProblem(
                HttpProblem.BAD_REQUEST, "depth must be a whole number of at least 1, not '" + text + "'");
    }

    private static String requiredField(HttpServletRequest request, String name) throws IOException {
        String value = optionalField(request, name);
        if (value == null) {
            throw new HttpProblem(
                    HttpProblem.BAD_REQUEST, "the body must be a JSON object with \"" + name + "\": a component id");
        }
        return value;
    }

    /** A string field of a JSON object body, or a query parameter of the same name. */
    private static String optionalField(HttpServletRequest request, String name) throws IOException {
        String body = Responses.smallBody(request.getInputStream());
        if (body.isBlank()) {
            return blankToNull(request.getParameter(name));
        }
        Map<String, Object> json;
        try {
            json = JsonInput.object(body);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(HttpProblem.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
        }
        Object value = json.get(name);
        if (value != null && !(value instanceof String)) {
            throw new HttpProblem(HttpProblem.BAD_REQUEST, "\"" + name + "\" must be a string");
        }
        return blankToNull((String) value);
    }

    private static List<String> allIds(DynamicRegistry registry) {
        return registry.listComponents().stream().map(RegistryEntry::id).toList();
    }

    private static void only(String method, String allowed, List<String> path, int size) {
        if (path.size() != size) {
            throw new HttpProblem(HttpProblem.NOT_FOUND, "no such resource: see docs/web.md for the API");
        }
        if (!method.equals(allowed) && !(allowed.equals("GET") && method.equals("HEAD"))) {
            throw new HttpProblem(HttpProblem.METHOD_NOT_ALLOWED, method + " is not served here: use " + allowed);
        }
    }

    private static HttpProblem notFound(HttpServletRequest request) {
        return new HttpProblem(
                HttpProblem.NOT_FOUND,
                "no such resource: " + request.getMethod() + " " + request.getRequestURI()
                        + " (see docs/web.md for the API)");
    }

    private DynamicRegistry registry() {
        DynamicRegistry current = registry.get();
        if (current == null) {
            throw HttpProblem.registryUnavailable();
        }
        return current;
    }

    static String actor(HttpServletRequest request) {
        Object actor = request.getAttribute(WebGuard.ACTOR);
        return actor == null ? "http:" + request.getRemoteAddr() : actor.toString();
    }

    static <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(OPERATION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw HttpProblem.of(e);
        } catch (TimeoutException e) {
            throw new HttpProblem(
                    HttpProblem.UNAVAILABLE,
                    "gave up waiting to " + what + " after " + OPERATION_TIMEOUT.toMinutes()
                            + " min; it may still finish: check GET /api/components/ID");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(HttpProblem.UNAVAILABLE, "interrupted while waiting to " + what);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
