package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerIT {

    @TempDir
    Path tmp;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        Path data = tmp.resolve("postgres");
        try (PostgresServer postgres = PostgresServer.start(data, 0, true)) {
            postgres.createDatabaseIfMissing("booking");
            postgres.createDatabaseIfMissing("booking");
            Sql.execute(postgres, "booking", "CREATE TABLE seat (label text)");
            Sql.execute(postgres, "booking", "INSERT INTO seat VALUES ('12A')");

            assertThat(Sql.column(postgres, "booking", "SHOW fsync")).containsExactly("off");
        }

        try (PostgresServer postgres = PostgresServer.start(data, 0, false)) {
            assertThat(Sql.column(postgres, "booking", "SELECT label FROM seat"))
                    .containsExactly("12A");
            assertThat(Sql.column(postgres, "postgres", "SELECT count(*) FROM pg_database WHERE datname = 'booking'"))
                    .containsExactly("1");
            assertThat(Sql.column(postgres, "postgres", "SHOW max_connections")).containsExactly("400");
            assertThat(Sql.column(postgres, "postgres", "SHOW wal_level")).containsExactly("logical");
            assertThat(Sql.column(postgres, "postgres", "SHOW fsync")).containsExactly("on");
        }
    }

    @Test
    void aThrowawayServerDeletesItsDirectoryAndReleasesItsPort() throws Exception {
        PostgresServer postgres = PostgresServer.start(null, 0);
        Path data = postgres.dataDir();
        assertThat(data.resolve("PG_VERSION")).content().startsWith("18");
        assertThat(postgres.jdbcUrl("postgres"))
                .isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/postgres");

        postgres.close();
        postgres.close();

        assertThat(data).doesNotExist();
        assertThat(Ports.isFree(postgres.port())).isTrue();
    }

    @Test
    void anInstanceThatWasNeverClosedIsStoppedByTheNextStart() throws Exception {
        Path data = tmp.resolve("postgres");
        PostgresServer leaked = PostgresServer.start(data, 0, true);
        Sql.execute(leaked, "postgres", "CREATE TABLE survivor (v text)");
        Sql.execute(leaked, "postgres", "INSERT INTO survivor VALUES ('still here')");
        ProcessHandle orphan = postmaster(data);

        try (PostgresServer postgres = PostgresServer.start(data, 0, true)) {
            assertThat(OrphanProcess.isRunning(orphan)).isFalse();
            assertThat(Sql.column(postgres, "postgres", "SELECT v FROM survivor"))
                    .containsExactly("still here");

            leaked.close(); // superseded: must leave the new server alone

            assertThat(Sql.column(postgres, "postgres", "SELECT v FROM survivor"))
                    .containsExactly("still here");
        }
    }

    @Test
    void aPostmasterOrphanedByAKilledJvmIsStoppedButALiveOwnerIsRespected() throws Exception {
        Path data = tmp.resolve("postgres");
        Process otherJvm = ChildJvm.start("postgres", data);
        try {
            int orphanPort = Integer.parseInt(ChildJvm.awaitStarted(otherJvm));
            ProcessHandle orphan = postmaster(data);

            assertThatThrownBy(() -> PostgresServer.start(data, 0, true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another running process")
                    .hasMessageContaining("pid " + orphan.pid());
            assertThat(OrphanProcess.isRunning(orphan)).isTrue();

            otherJvm.destroyForcibly();
            assertThat(otherJvm.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(OrphanProcess.isRunning(orphan))
                    .as("postgres outlives the killed JVM")
                    .isTrue();

            try (PostgresServer postgres = PostgresServer.start(data, orphanPort, true)) {
                assertThat(OrphanProcess.isRunning(orphan)).isFalse();
                assertThat(postgres.port()).isEqualTo(orphanPort);
                assertThat(Sql.column(postgres, "postgres", "SELECT 1")).containsExactly("1");
            }
        } finally {
            otherJvm.destroyForcibly();
        }
    }

    private static ProcessHandle postmaster(Path data) throws Exception {
        List<String> pidFile = Files.readAllLines(data.resolve("postmaster.pid"));
        return ProcessHandle.of(Long.parseLong(pidFile.getFirst().trim())).orElseThrow();
    }
}
