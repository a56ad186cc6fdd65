package io.happyos.registry.bench.web;

import io.happyos.registry.bench.BenchRow;
import io.happyos.registry.bench.Latencies;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's {@code web} part. Two frameworks in this JVM with the same generated bundles: the
 * anchor, plain Felix with Felix HTTP Jetty and the Apache Felix Web Console
 * ({@link WebConsoleContainer}), and ours, the registry with Jetty and registry-web
 * ({@link RegistryWebContainer}). Both list every bundle: {@code GET /system/console/bundles.json}
 * against {@code GET /api/components}, under the same closed-loop load of 8 clients
 * ({@link ClosedLoopLoad}), in alternating rounds so that neither gets the quieter minute. Then the lag
 * from a status change to its Server-Sent Event ({@link StatusChangeLag}).
 */
public final class WebFigures {

    private static final int CLIENTS = 8;
    private static final double THROUGHPUT_GOAL = 3;
    private static final double SSE_P99_GOAL_MS = 50;
    private static final String WEB_CONSOLE = "Apache Felix Web Console 5.0.18";

    private final Path benchBundles;
    private final Path folder;
    private final List<Path> files;
    private final List<String> ids;
    private final List<String> leaves;
    private final boolean quick;

    /** The sizes of a run. */
    private record Plan(Duration firstWarmup, Duration warmup, Duration window, int rounds, int sseWarmups, int sse) {}

    /**
     * @param benchBundles the folder of bench bundles
     * @param folder the folder the generated bundles are in (ours deploys it)
     * @param files the generated bundles, in a dependency order (the anchor installs and starts them)
     * @param ids their component ids
     * @param leaves ids of components nothing depends on, whose statuses the lag measurement changes
     * @param quick the suite's short mode: shorter windows, one round, fewer changes
     */
    public WebFigures(
            Path benchBundles, Path folder, List<Path> files, List<String> ids, List<String> leaves, boolean quick) {
        this.benchBundles = benchBundles;
        this.folder = folder;
        this.files = List.copyOf(files);
        this.ids = List.copyOf(ids);
        this.leaves = List.copyOf(leaves);
        this.quick = quick;
    }

    /**
     * Starts both frameworks and runs the measurements.
     *
     * @return the rows: throughput and p99 against the Web Console, and the event lag's p99 twice (from
     *     the status change, from the call)
     * @throws Exception when a framework does not start, a request fails or an event does not come
     */
    public List<BenchRow> rows() throws Exception {
        Plan plan = quick
                ? new Plan(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 1, 20, 100)
                : new Plan(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(10), 3, 50, 500);
        HttpClient probe = ClosedLoopLoad.newClient();
        try (WebConsoleContainer theirs = WebConsoleContainer.start(benchBundles, files, probe);
                RegistryWebContainer ours = RegistryWebContainer.start(benchBundles, folder, ids, probe)) {
            String listed =
                    describe(probe, theirs.bundlesJson(), true) + "; " + describe(probe, ours.components(), false);
            System.out.println("   " + listed);
            Latencies theirTimes = new Latencies();
            Latencies ourTimes = new Latencies();
            long theirRequests = 0;
            long ourRequests = 0;
            double theirSeconds = 0;
            double ourSeconds = 0;
            for (int round = 0; round < plan.rounds(); round++) {
                Duration warmup = round == 0 ? plan.firstWarmup() : plan.warmup();
                // alternate who goes first, so that a drift of the machine shows on both
                boolean oursFirst = round % 2 == 0;
                ClosedLoopLoad.Window a = ClosedLoopLoad.run(
                        oursFirst ? ours.components() : theirs.bundlesJson(),
                        CLIENTS,
                        warmup,
                        plan.window(),
                        oursFirst ? ourTimes : theirTimes);
                ClosedLoopLoad.Window b = ClosedLoopLoad.run(
                        oursFirst ? theirs.bundlesJson() : ours.components(),
                        CLIENTS,
                        warmup,
                        plan.window(),
                        oursFirst ? theirTimes : ourTimes);
                ClosedLoopLoad.Window ourWindow = oursFirst ? a : b;
                ClosedLoopLoad.Window theirWindow = oursFirst ? b : a;
                check(ourWindow, "GET /api/components");
                check(theirWindow, "GET /system/console/bundles.json");
                ourRequests += ourWindow.requests();
                ourSeconds += ourWindow.seconds();
                theirRequests += theirWindow.requests();
                theirSeconds += theirWindow.seconds();
                System.out.printf(
                        Locale.ROOT,
                        "   round %d: ours %.0f req/s (%d B each), Web Console %.0f req/s (%d B each)%n",
                        round + 1,
                        ourWindow.throughput(),
                        ourWindow.bodyBytes(),
                        theirWindow.throughput(),
                        theirWindow.bodyBytes());
            }
            List<BenchRow> rows = new ArrayList<>(listRows(
                    ourRequests / ourSeconds, ourTimes, theirRequests / theirSeconds, theirTimes, plan, listed));
            StatusChangeLag.Result lag = StatusChangeLag.run(
                    ours.registry(),
                    ours.clock(),
                    ClosedLoopLoad.newClient(),
                    ours.events(),
                    leaves,
                    plan.sseWarmups(),
                    plan.sse(),
                    Duration.ofMillis(20));
            rows.addAll(lagRows(lag));
            return rows;
        }
    }

    /** One GET, checked: 200, and every bundle listed. */
    private String describe(HttpClient client, HttpRequest request, boolean webConsole) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        int entries = webConsole ? JsonArrays.length(response.body(), "data") : JsonArrays.length(response.body());
        if (entries < ids.size()) {
            throw new IllegalStateException(
                    request.uri() + " lists " + entries + " entries, fewer than the " + ids.size() + " generated");
        }
        return String.format(
                Locale.ROOT,
                "%s lists %d %s in %,d bytes",
                request.uri().getPath(),
                entries,
                webConsole ? "bundles" : "components",
                response.body().length());
    }

    private static void check(ClosedLoopLoad.Window window, String what) {
        if (window.failures() > 0 || window.requests() == 0) {
            throw new IllegalStateException(what + ": " + window.requests() + " answered, " + window.failures()
                    + " failed, the first: " + window.firstFailure());
        }
    }

    private List<BenchRow> listRows(
            double ours, Latencies ourTimes, double theirs, Latencies theirTimes, Plan plan, String listed) {
        String anchor = WEB_CONSOLE + ": GET /system/console/bundles.json";
        String how = String.format(
                Locale.ROOT,
                "%d closed-loop clients (JDK HttpClient, HTTP/1.1 keep-alive, body read to its end), %d round(s) of"
                        + " %d s each after %d s warm-up, alternating; both frameworks in this JVM, Felix HTTP Jetty"
                        + " 5.1.34 on 127.0.0.1, client and servers sharing the machine's cores; the Web Console with"
                        + " basic auth; %s",
                CLIENTS,
                plan.rounds(),
                plan.window().toSeconds(),
                plan.firstWarmup().toSeconds(),
                listed);
        double ratio = ours / theirs;
        String benchmark =
                String.format(Locale.ROOT, "web: GET /api/components, %,d components, %d clients", ids.size(), CLIENTS);
        return List.of(
                new BenchRow(
                        benchmark + ", throughput",
                        "req/s",
                        ours,
                        anchor,
                        theirs,
                        ratio,
                        "≥ " + (int) THROUGHPUT_GOAL + "× its throughput",
                        ratio >= THROUGHPUT_GOAL,
                        how),
                new BenchRow(
                        benchmark + ", p99 latency",
                        "ms",
                        ourTimes.percentileMillis(99),
                        anchor,
                        theirTimes.percentileMillis(99),
                        theirTimes.percentileMillis(99) / ourTimes.percentileMillis(99),
                        "reported (no goal)",
                        true,
                        String.format(
                                Locale.ROOT,
                                "p50 ours %.2f ms, Web Console %.2f ms; %d and %d requests timed",
                                ourTimes.percentileMillis(50),
                                theirTimes.percentileMillis(50),
                                ourTimes.count(),
                                theirTimes.count())));
    }

    private static List<BenchRow> lagRows(StatusChangeLag.Result r) {
        String how = String.format(
                Locale.ROOT,
                "%d changes (deactivate/activate of 10 leaf components in turn, one every 20 ms, each awaited) after"
                        + " warm-up, one subscriber of GET /api/events (JDK HttpClient); %d other events seen",
                r.changes(),
                r.otherEvents());
        List<BenchRow> rows = new ArrayList<>();
        rows.add(lagRow(
                "web: status change → its SSE event at the client, p99",
                r.fromChange(),
                "from the registry's status listeners hearing of it (the bench's, added before registry-web's) to"
                        + " the event's last line read; " + how));
        rows.add(lagRow(
                "web: activate/deactivate call → its SSE event at the client, p99",
                r.fromCall(),
                "from just before the DynamicRegistry call (includes stopping/starting the bundle) to the event's"
                        + " last line read; " + how));
        return rows;
    }

    private static BenchRow lagRow(String benchmark, Latencies lags, String note) {
        double p99 = lags.percentileMillis(99);
        return BenchRow.absolute(
                benchmark,
                "ms",
                p99,
                "≤ " + (int) SSE_P99_GOAL_MS + " ms",
                p99 <= SSE_P99_GOAL_MS,
                String.format(
                        Locale.ROOT,
                        "p50 %.2f ms, max %.2f ms; %s",
                        lags.percentileMillis(50),
                        lags.percentileMillis(100),
                        note));
    }
}
