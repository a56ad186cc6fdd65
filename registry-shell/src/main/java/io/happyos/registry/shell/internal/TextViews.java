package io.happyos.registry.shell.internal;

import io.happyos.registry.ComponentInfo;
import io.happyos.registry.Dependency;
import io.happyos.registry.ErrorRecord;
import io.happyos.registry.RegistryEntry;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What the commands print for people: aligned tables and short summaries. */
final class TextViews {

    private TextViews() {}

    /**
     * The components as a table: id, name, type, version, status, bundle number, dependency count.
     *
     * @param entries the entries, in the order to show
     * @param ansi what the output can show (statuses are coloured)
     * @return the table's text
     */
    static String componentTable(List<RegistryEntry> entries, Ansi ansi) {
        TextTable table = new TextTable("ID", "NAME", "TYPE", "VERSION", "STATUS", "BUNDLE", "DEPS");
        for (RegistryEntry e : entries) {
            ComponentInfo c = e.component();
            table.row(
                    e.id(),
                    c.name(),
                    c.type(),
                    c.version(),
                    e.status(),
                    e.hasBundle() ? e.bundleId() : null,
                    e.dependencies().size());
        }
        return table.render(ansi);
    }

    /**
     * One component in full, one field a line.
     *
     * @param e the entry
     * @param ansi what the output can show (the status is coloured)
     * @return the summary's text
     */
    static String componentDetails(RegistryEntry e, Ansi ansi) {
        ComponentInfo c = e.component();
        TextTable t = new TextTable("Id", e.id());
        t.row("Name", c.name());
        t.row("Type", c.type());
        t.row("Version", c.version());
        t.row("Status", e.status());
        t.row("Bundle", e.hasBundle() ? e.bundleId() : null);
        t.row("Path", c.path());
        t.row("Registered", e.registeredAt());
        t.row("Last accessed", e.lastAccessed() == null ? "never" : e.lastAccessed());
        t.row("Access count", e.accessCount());
        t.row("Dependencies", ids(e.dependencies()));
        t.row("Dependents", ids(e.dependents()));
        t.row("Errors", e.errorHistory().isEmpty() ? "none" : e.errorHistory().size());
        StringBuilder out = new StringBuilder(t.render(ansi));
        for (ErrorRecord r : e.errorHistory()) {
            out.append("  ").append(r.at()).append("  ").append(r.message()).append('\n');
        }
        return out.toString();
    }

    /**
     * Edges of the graph as a table: id, origin, requirement.
     *
     * @param dependencies the edges
     * @param none what to print when there are none
     * @return the table's text, or the {@code none} line
     */
    static String dependencyTable(List<Dependency> dependencies, String none) {
        if (dependencies.isEmpty()) {
            return none + '\n';
        }
        TextTable table = new TextTable("ID", "ORIGIN", "REQUIREMENT");
        for (Dependency d : dependencies) {
            table.row(d.id(), d.origin().name().toLowerCase(Locale.ROOT), d.requirement());
        }
        return table.render();
    }

    /**
     * Ids one a line, numbered from 1 and aligned.
     *
     * @param ids the ids, in order
     * @return the lines
     */
    static String numbered(List<String> ids) {
        int width = String.valueOf(ids.size()).length();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            String n = String.valueOf(i + 1);
            out.append(" ".repeat(width - n.length()))
                    .append(n)
                    .append(". ")
                    .append(ids.get(i))
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Sorted ids separated by commas.
     *
     * @param ids the ids
     * @return the list, or {@code null} (shown as "-") when empty
     */
    static String ids(Collection<String> ids) {
        return ids.isEmpty() ? null : String.join(", ", new TreeSet<>(ids));
    }
}
