package io.happyos.registry.cluster.internal;

import io.happyos.registry.ComponentStatus;
import io.happyos.registry.cluster.ClusterComponent;
import io.happyos.registry.cluster.ClusterDifference;
import io.happyos.registry.cluster.ClusterNode;
import io.happyos.registry.cluster.ClusterRegistry;
import io.happyos.registry.cluster.PickStrategy;
import io.happyos.registry.cluster.RemoteResult;
import io.happyos.registry.text.JsonOutput;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;

/**
 * The Gogo commands in the scope {@code cluster}. Each prints a table, or with {@code --json} one
 * JSON value: a component as {@code registry:list --json} prints it plus {@code node},
 * {@code endpoints} and {@code singleton}; a node as {@code {"node","self","since","components",
 * "address","stale","staleSince"}}; a result as {@code {"node","id","operation","ok","status","message"}}.
 */
public final class ClusterCommands {

    /** The command names, for {@code osgi.command.function}. */
    public static final String[] FUNCTIONS = {"nodes", "list", "diff", "activate", "deactivate", "pick", "singletons"};

    private static final Duration WAIT = RemoteRequests.TIMEOUT.plusSeconds(5);

    private final ClusterRegistry cluster;
    private final Supplier<PrintStream> out;

    /**
     * @param cluster the cluster view the commands use, as the shell's caller
     * @param out where they print (the Gogo session's output)
     */
    public ClusterCommands(ClusterRegistry cluster, Supplier<PrintStream> out) {
        this.cluster = cluster;
        this.out = out;
    }

    @Descriptor("list the live nodes of the cluster, and whether this node's view is stale. Example: cluster:nodes")
    public void nodes(
            @Descriptor(
                            "print a JSON array of {\"node\",\"self\",\"since\",\"components\",\"address\",\"stale\",\"staleSince\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        List<ClusterNode> nodes = cluster.getNodes();
        if (json) {
            printJson(nodes.stream().map(ClusterCommands::node).toList());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ClusterNode n : nodes) {
            rows.add(new String[] {
                n.node() + (n.self() ? " (this node)" : ""),
                n.since().toString(),
                Integer.toString(n.components()),
                String.valueOf(n.address()),
                n.stale() ? "STALE since " + n.staleSince() : ""
            });
        }
        print(table(new String[] {"NODE", "SINCE", "COMPONENTS", "ADDRESS", "VIEW"}, rows));
        if (cluster.isStale()) {
            print("this node's view is stale: it lost its ZooKeeper session; the list is what it last saw");
        }
    }

    @Descriptor("list the components of every node. Example: cluster:list --type skill --status ACTIVE")
    public void list(
            @Descriptor("print a JSON array: registry:list --json's fields plus node, endpoints, singleton")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("only this node's")
                    @Parameter(
                            names = {"--node"},
                            absentValue = "")
                    String node,
            @Descriptor("only of this type")
                    @Parameter(
                            names = {"--type"},
                            absentValue = "")
                    String type,
            @Descriptor("only with this status")
                    @Parameter(
                            names = {"--status"},
                            absentValue = "")
                    String status) {
        List<ClusterComponent> components = cluster.getComponents(blankToNull(node), blankToNull(type), status(status));
        if (json) {
            printJson(components.stream().map(ClusterView::toMap).toList());
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (ClusterComponent c : components) {
            rows.add(new String[] {
                c.node(),
                c.id(),
                c.type(),
                String.valueOf(c.entry().component().version()),
                c.status().name(),
                c.singleton() ? "singleton" : "",
                String.join(",", c.endpoints())
            });
        }
        print(table(new String[] {"NODE", "ID", "TYPE", "VERSION", "STATUS", "", "ENDPOINTS"}, rows));
    }

    @Descriptor("tell why two nodes differ: components on one only, other versions, other statuses (with why). "
            + "Example: cluster:diff alpha beta")
    public void diff(
            @Descriptor("print a JSON array of {\"kind\",\"name\",\"left\",\"right\",\"why\"}")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("the node, then optionally the node to compare it with (default: this node)") String... nodes) {
        if (nodes.length < 1 || nodes.length > 2) {
            throw new IllegalArgumentException("usage: cluster:diff NODE [NODE] (cluster:nodes lists the nodes)");
        }
        String left = nodes.length == 2 ? nodes[0] : cluster.nodeName();
        String right = nodes.length == 2 ? nodes[1] : nodes[0];
        List<ClusterDifference> differences = await(cluster.diff(left, right), "compare " + left + " and " + right);
        if (json) {
            printJson(differences.stream().map(ClusterCommands::difference).toList());
            return;
        }
        if (differences.isEmpty()) {
            print(left + " and " + right + " run the same components, in the same versions and statuses");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (ClusterDifference d : differences) {
            text.append(
                            switch (d.kind()) {
                                case ONLY_LEFT -> d.name() + ": only on " + left;
                                case ONLY_RIGHT -> d.name() + ": only on " + right;
                                case VERSION ->
                                    d.name() + ": version " + d.left() + " on " + left + ", " + d.right() + " on "
                                            + right;
                                case STATUS ->
                                    d.name() + ": " + d.left() + " on " + left + ", " + d.right() + " on " + right;
                            })
                    .append('\n');
            if (d.why() != null) {
                text.append("  ").append(d.why().replace("\n", "\n  ")).append('\n');
            }
        }
        print(text.toString());
    }

    @Descriptor("activate a component on a node, carried out by that node's registry; with --all on every node "
            + "that has it, one at a time, stopping at the first failure. Example: cluster:activate beta echo-skill")
    public void activate(
            @Descriptor("print the result(s) as JSON")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("every node that has the component (then give only the component)")
                    @Parameter(
                            names = {"--all"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean all,
            @Descriptor("NODE ID, or ID with --all") String... args) {
        change(true, json, all, args);
    }

    @Descriptor("deactivate a component on a node (dependents first, there); with --all on every node that has it. "
            + "Example: cluster:deactivate beta echo-skill")
    public void deactivate(
            @Descriptor("print the result(s) as JSON")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("every node that has the component (then give only the component)")
                    @Parameter(
                            names = {"--all"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean all,
            @Descriptor("NODE ID, or ID with --all") String... args) {
        change(false, json, all, args);
    }

    private void change(boolean activate, boolean json, boolean all, String... args) {
        String verb = activate ? "activate" : "deactivate";
        if (all ? args.length != 1 : args.length != 2) {
            throw new IllegalArgumentException("usage: cluster:" + verb + " NODE ID, or cluster:" + verb + " --all ID");
        }
        List<RemoteResult> results = all
                ? await(cluster.rollingChange(args[0], activate), verb + " " + args[0] + " on every node")
                : List.of(await(
                        activate ? cluster.activate(args[0], args[1]) : cluster.deactivate(args[0], args[1]),
                        verb + " " + args[1] + " on " + args[0]));
        if (all && results.isEmpty()) {
            throw new IllegalArgumentException(
                    "no node has a component named " + args[0] + "; cluster:list lists them");
        }
        if (json) {
            printJson(all ? results.stream().map(ClusterCommands::result).toList() : result(results.get(0)));
        } else {
            StringBuilder text = new StringBuilder();
            for (RemoteResult r : results) {
                text.append(r.node())
                        .append(": ")
                        .append(r.id())
                        .append(' ')
                        .append(r.ok() ? r.message() : "FAILED: " + r.message());
                if (r.status() != null) {
                    text.append(" (now ").append(r.status()).append(')');
                }
                text.append('\n');
            }
            print(text.toString());
        }
        RemoteResult last = results.get(results.size() - 1);
        if (!last.ok()) {
            throw new IllegalStateException(
                    verb + " " + last.id() + " failed on node " + last.node() + ": " + last.message());
        }
    }

    @Descriptor("pick one ACTIVE instance of a component (a name or a type) across the cluster. "
            + "Example: cluster:pick --strategy least-accessed calculator-skill")
    public void pick(
            @Descriptor("print the instance as JSON")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json,
            @Descriptor("round-robin (default), random, sticky or least-accessed")
                    @Parameter(
                            names = {"--strategy"},
                            absentValue = "round-robin")
                    String strategy,
            @Descriptor("the component's name or type") String name) {
        PickStrategy chosen = strategy(strategy);
        ClusterComponent c = cluster.pick(name, chosen)
                .orElseThrow(() -> new IllegalStateException(
                        "no node runs " + name + " ACTIVE; cluster:list --status ACTIVE lists what runs"));
        if (json) {
            printJson(ClusterView.toMap(c));
        } else {
            print(c.node() + " " + c.id() + (c.endpoints().isEmpty() ? "" : " " + String.join(",", c.endpoints())));
        }
    }

    @Descriptor("list the singleton components and the node that runs each. Example: cluster:singletons")
    public void singletons(
            @Descriptor("print a JSON array of {\"name\",\"node\"} (node null when it runs nowhere)")
                    @Parameter(
                            names = {"--json"},
                            presentValue = "true",
                            absentValue = "false")
                    boolean json) {
        Map<String, String> singletons = cluster.getSingletons();
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            singletons.forEach((name, node) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name);
                m.put("node", node);
                out.add(m);
            });
            printJson(out);
            return;
        }
        List<String[]> rows = new ArrayList<>();
        singletons.forEach((name, node) -> rows.add(new String[] {name, node == null ? "(nowhere)" : node}));
        print(table(new String[] {"SINGLETON", "RUNS ON"}, rows));
    }

    private static Map<String, Object> node(ClusterNode n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", n.node());
        json.put("self", n.self());
        json.put("since", n.since().toString());
        json.put("components", n.components());
        json.put("address", n.address());
        json.put("stale", n.stale());
        json.put("staleSince", n.staleSince() == null ? null : n.staleSince().toString());
        return json;
    }

    private static Map<String, Object> difference(ClusterDifference d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", d.kind().name());
        json.put("name", d.name());
        json.put("left", d.left());
        json.put("right", d.right());
        json.put("why", d.why());
        return json;
    }

    private static Map<String, Object> result(RemoteResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("node", r.node());
        json.put("id", r.id());
        json.put("operation", r.operation());
        json.put("ok", r.ok());
        json.put("status", r.status() == null ? null : r.status().name());
        json.put("message", r.message());
        return json;
    }

    private static PickStrategy strategy(String text) {
        try {
            return PickStrategy.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown strategy '" + text + "': give round-robin, random, sticky or least-accessed", e);
        }
    }

    private static ComponentStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ComponentStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "unknown status '" + text + "': give DISCOVERED, REGISTERED, ACTIVE, INACTIVE or ERROR", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(LocalOperations.message(cause), cause);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot " + what + ": no answer within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to " + what, e);
        }
    }

    /** Columns padded to their widest cell, two spaces apart. */
    static String table(String[] header, List<String[]> rows) {
        int[] widths = new int[header.length];
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (widths[i] + 2) + "s", row[i]));
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private void print(String text) {
        PrintStream stream = out.get();
        stream.print(text.endsWith("\n") ? text : text + '\n');
        stream.flush();
    }

    private void printJson(Object value) {
        print(JsonOutput.text(value));
    }
}
