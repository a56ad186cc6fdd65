package io.happyos.registry.web.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/** {@code GET /metrics}: the registry's meters in Prometheus's text format. */
final class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final transient Supplier<RegistryMeters> meters;

    MetricsServlet(Supplier<RegistryMeters> meters) {
        this.meters = meters;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RegistryMeters current = meters.get();
        if (current == null) {
            Responses.problem(response, HttpProblem.registryUnavailable());
            return;
        }
        Responses.text(response, 200, CONTENT_TYPE, current.scrape());
    }
}
