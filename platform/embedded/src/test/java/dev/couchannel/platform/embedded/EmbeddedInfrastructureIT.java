package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureIT {

    @TempDir
    Path tmp;

    @Test
    void startsAllFiveAndStopsThemAgain() throws Exception {
        EmbeddedInfrastructure infrastructure =
                EmbeddedInfrastructure.start(EmbeddedInfrastructure.Settings.forTests());
        int postgres = infrastructure.postgres().port();
        int kafka = infrastructure.kafka().port();
        int redis = infrastructure.redis().port();
        int smtp = infrastructure.smtp().port();
        int s3 = infrastructure.s3().port();
        try {
            assertThat(Set.of(postgres, kafka, redis, smtp, s3)).hasSize(5);
            infrastructure.postgres().createDatabaseIfMissing("inventory");
            assertThat(Sql.column(infrastructure.postgres(), "inventory", "SELECT 1"))
                    .containsExactly("1");
            infrastructure.kafka().createTopics("inventory-events");
            assertThat(RedisServerIT.command(infrastructure.redis(), "PING")).isEqualTo("+PONG");
            assertThat(accepts(smtp)).isTrue();
            assertThat(accepts(s3)).isTrue();
        } finally {
            infrastructure.close();
        }
        infrastructure.close();

        assertThat(Set.of(postgres, kafka, redis, smtp, s3)).allMatch(Ports::isFree);
    }

    @Test
    void aFailedStartLeavesNothingRunning() throws IOException {
        int postgres = Ports.free();
        int kafka = Ports.free();
        int smtp = Ports.free();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var settings = new EmbeddedInfrastructure.Settings(tmp, postgres, kafka, taken.getLocalPort(), smtp, true);

            assertThatThrownBy(() -> EmbeddedInfrastructure.start(settings))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("(redis)");
        }
        assertThat(Set.of(postgres, kafka, smtp)).allMatch(Ports::isFree);
        assertThat(tmp.resolve("postgres").resolve("PG_VERSION")).exists();
    }

    @Test
    void aShutdownHookStopsEverythingWhenTheJvmExits() throws Exception {
        Process child = ChildJvm.start("infrastructure", tmp);
        try {
            List<ProcessHandle> servers = Arrays.stream(
                            ChildJvm.awaitStarted(child).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .flatMap(Optional::stream)
                    .toList();
            child.getInputStream().transferTo(OutputStream.nullOutputStream());

            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isZero();
            assertThat(servers).noneMatch(OrphanProcess::isRunning);
            assertThat(tmp.resolve("kafka/.kafka_cleanshutdown")).exists();
        } finally {
            child.destroyForcibly();
        }
    }

    private static boolean accepts(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
