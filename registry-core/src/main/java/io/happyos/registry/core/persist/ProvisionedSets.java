package io.happyos.registry.core.persist;

import io.happyos.registry.core.model.Journal.StoredSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The rows of {@code provisioned_set}: one per provisioned set, its bundles one line each. */
final class ProvisionedSets {

    private ProvisionedSets() {}

    static void put(Connection c, StoredSet set) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO provisioned_set(name, kind, version,"
                + " source, provisioned_at, actor, bundles) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, set.name());
            st.setString(2, set.kind());
            st.setString(3, set.version());
            st.setString(4, set.source());
            st.setLong(5, set.at().toEpochMilli());
            st.setString(6, set.actor());
            st.setString(7, String.join("\n", set.bundles()));
            st.executeUpdate();
        }
    }

    static void remove(Connection c, String name) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM provisioned_set WHERE name = ?")) {
            st.setString(1, name);
            st.executeUpdate();
        }
    }

    static List<StoredSet> all(RegistryDatabase db) {
        return db.read(c -> {
            List<StoredSet> sets = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT name, kind, version, source, provisioned_at,"
                            + " actor, bundles FROM provisioned_set ORDER BY provisioned_at, name");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String bundles = rs.getString(7);
                    sets.add(new StoredSet(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Instant.ofEpochMilli(rs.getLong(5)),
                            rs.getString(6),
                            bundles.isEmpty() ? List.of() : Arrays.asList(bundles.split("\n"))));
                }
            }
            return List.copyOf(sets);
        });
    }
}
