package io.happyos.registry.core.persist;

import io.happyos.registry.core.model.Journal.StoredQuota;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code quota}: one per scope and limit. */
final class QuotaRows {

    private QuotaRows() {}

    static void put(Connection c, StoredQuota quota) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO quota(scope, quota_limit, value,"
                + " enforce, grace_ms, origin, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, quota.scope());
            st.setString(2, quota.limit());
            st.setDouble(3, quota.value());
            st.setInt(4, quota.enforce() ? 1 : 0);
            st.setLong(5, quota.graceMillis());
            st.setString(6, quota.origin());
            st.setLong(7, quota.at().toEpochMilli());
            st.executeUpdate();
        }
    }

    static void remove(Connection c, String scope, String limit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("DELETE FROM quota WHERE scope = ? AND quota_limit = ?")) {
            st.setString(1, scope);
            st.setString(2, limit);
            st.executeUpdate();
        }
    }

    static List<StoredQuota> all(RegistryDatabase db) {
        return db.read(c -> {
            List<StoredQuota> quotas = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT scope, quota_limit, value, enforce, grace_ms,"
                            + " origin, set_at FROM quota ORDER BY scope, quota_limit");
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    quotas.add(new StoredQuota(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getDouble(3),
                            rs.getInt(4) != 0,
                            rs.getLong(5),
                            rs.getString(6),
                            Instant.ofEpochMilli(rs.getLong(7))));
                }
            }
            return List.copyOf(quotas);
        });
    }
}
