package io.happyos.registry.core.persist;

import io.happyos.registry.ComponentInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Standalone components as rows of {@code standalone_component}. */
final class ComponentRows {

    private ComponentRows() {}

    static void put(Connection c, String id, ComponentInfo info, Instant registeredAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO standalone_component(id, name, type,"
                + " path, module_name, version, last_modified, metadata, registered_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, info.name());
            s.setString(3, info.type());
            s.setString(4, info.path());
            s.setString(5, info.moduleName());
            s.setString(6, info.version());
            if (info.lastModified() == null) {
                s.setNull(7, Types.INTEGER);
            } else {
                s.setLong(7, info.lastModified().toEpochMilli());
            }
            s.setString(8, MetadataText.format(info.metadata()));
            s.setLong(9, registeredAt.toEpochMilli());
            s.executeUpdate();
        }
    }

    static List<StoredComponent> all(Connection c) throws SQLException {
        List<StoredComponent> components = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, name, type, path, module_name, version,"
                                + " last_modified, metadata, registered_at FROM standalone_component ORDER BY registered_at, id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long modified = rs.getLong(7);
                Instant lastModified = rs.wasNull() ? null : Instant.ofEpochMilli(modified);
                ComponentInfo info = new ComponentInfo(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        lastModified,
                        rs.getString(6),
                        MetadataText.parse(rs.getString(8)),
                        null);
                components.add(new StoredComponent(rs.getString(1), info, Instant.ofEpochMilli(rs.getLong(9))));
            }
        }
        return List.copyOf(components);
    }
}
