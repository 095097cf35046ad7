package dev.couchannel.platform.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Minimal JDBC for the tests: run a statement, read one column. */
final class Sql {

    private Sql() {}

    static void execute(PostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static List<String> column(PostgresServer postgres, String database, String sql) throws SQLException {
        try (Connection connection = connect(postgres, database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static Connection connect(PostgresServer postgres, String database) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), postgres.username(), postgres.password());
    }
}
