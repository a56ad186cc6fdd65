package io.happyos.registry.web.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.DynamicRegistry;
import io.happyos.registry.Explanation;
import io.happyos.registry.HealthStats;
import io.happyos.registry.RegistryEntry;
import io.happyos.registry.text.RegistryJson;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when every component that should be active is (none in ERROR, none
 * marked to start that is not running), 503 otherwise, with the reasons: each such component, its
 * status and the registry's explanation in one line. Deliberately deactivated components (INACTIVE)
 * do not count. For a load balancer's or Kubernetes' probe: from another host without the token it
 * answers the status only, no figures and no reasons (they name components).
 */
final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<DynamicRegistry> registry;

    HealthServlet(Supplier<DynamicRegistry> registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DynamicRegistry current = registry.get();
        Map<String, Object> out = new LinkedHashMap<>();
        if (current == null) {
            out.put("status", "DOWN");
            out.put(
                    "reasons",
                    List.of(Map.of("message", HttpProblem.registryUnavailable().getMessage())));
            Responses.json(response, HttpProblem.UNAVAILABLE, out);
            return;
        }
        HealthStats stats = current.getHealthStats();
        List<Map<String, Object>> reasons = new ArrayList<>();
        if (stats.error() > 0 || stats.down() > 0) {
            for (RegistryEntry entry : current.listComponents().stream()
                    .sorted(Comparator.comparing(RegistryEntry::id))
                    .toList()) {
                ComponentStatus status = entry.status();
                if (status == ComponentStatus.ACTIVE || status == ComponentStatus.INACTIVE) {
                    continue;
                }
                Explanation why = current.diagnostics().explain(entry.id());
                if (status == ComponentStatus.ERROR || !why.healthy()) {
                    Map<String, Object> reason = new LinkedHashMap<>();
                    reason.put("id", entry.id());
                    reason.put("status", status.name());
                    reason.put("message", why.summary());
                    reasons.add(reason);
                }
            }
        }
        boolean up = stats.error() == 0 && stats.down() == 0;
        out.put("status", up ? "UP" : "DOWN");
        if (Boolean.TRUE.equals(request.getAttribute(WebGuard.TRUSTED))) {
            out.put("health", RegistryJson.health(stats));
            out.put("reasons", reasons);
        }
        Responses.json(response, up ? 200 : HttpProblem.UNAVAILABLE, out);
    }
}
