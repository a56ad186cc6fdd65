package io.happyos.registry.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a witness file ({@link WitnessActivator}) and checks that a singleton never ran on two nodes at once. */
final class Witness {

    private Witness() {}

    /**
     * @param file the witness file
     * @return the violations found (a START while another node's run is open; a token not above the last one); empty when none
     */
    static List<String> violations(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> open = new HashMap<>();
        long lastToken = 0;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file)) {
            lineNumber++;
            String[] parts = line.split(" ");
            String node = parts[1];
            if (parts[0].equals("START")) {
                for (String other : open.keySet()) {
                    if (!other.equals(node)) {
                        problems.add("line " + lineNumber + ": " + node + " started while " + other + " ran (token "
                                + open.get(other) + ")");
                    }
                }
                if (parts[2].equals("none")) {
                    problems.add("line " + lineNumber + ": " + node + " started without a fencing token");
                } else {
                    long token = Long.parseLong(parts[2]);
                    if (token <= lastToken) {
                        problems.add("line " + lineNumber + ": token " + token + " not above " + lastToken);
                    }
                    lastToken = token;
                }
                open.put(node, parts[2]);
            } else if (parts[0].equals("STOP") || parts[0].equals("KILLED")) {
                open.remove(node);
            }
        }
        return problems;
    }

    /** @return how many START lines the file has */
    static long starts(Path file) throws IOException {
        return Files.exists(file)
                ? Files.readAllLines(file).stream()
                        .filter(l -> l.startsWith("START"))
                        .count()
                : 0;
    }

    /**
     * @param nodes the nodes, by name
     * @param ids the singleton's id on each node
     * @return the names of the nodes where it is ACTIVE now
     */
    static List<String> activeOn(Map<String, ClusterNodeFixture> nodes, Map<String, String> ids) {
        List<String> active = new ArrayList<>();
        nodes.forEach((name, node) -> {
            if (node.registry.getComponent(ids.get(name)).status() == io.happyos.registry.ComponentStatus.ACTIVE) {
                active.add(name);
            }
        });
        return active;
    }
}
