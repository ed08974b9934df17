package org.moodbox.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** One table's statements on the catalog's one connection; the {@link Catalog} facade holds the lock. */
abstract class CatalogTable {
    final Connection connection;
    private final Path file;

    CatalogTable(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    CatalogException failure(String what, SQLException e) {
        return new CatalogException("catalog " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static void setNullableDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.REAL);
        } else {
            ps.setDouble(index, value);
        }
    }
}
