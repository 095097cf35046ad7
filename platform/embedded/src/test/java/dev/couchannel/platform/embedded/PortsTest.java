package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void requireFreeNamesThePortItsUserAndTheVariableToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(port, "gateway", "COUCHANNEL_GATEWAY_PORT"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + port + " (gateway) is already in use by another process; "
                            + "stop it or set COUCHANNEL_GATEWAY_PORT to a free port")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(port));
        }
    }

    @Test
    void requireFreeAcceptsAFreePortAndZero() {
        int port = Ports.free();

        assertThatCode(() -> Ports.requireFree(port, "gateway", "COUCHANNEL_GATEWAY_PORT"))
                .doesNotThrowAnyException();
        assertThatCode(() -> Ports.requireFree(0, "gateway", "COUCHANNEL_GATEWAY_PORT"))
                .doesNotThrowAnyException();
    }

    @Test
    void chooseKeepsAConfiguredPortOrFailsWhenItIsTakenAndOtherwiseFindsAFreeOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Ports.choose(port, "postgres"))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(Integer.toString(port))
                    .hasMessageContaining("postgres");
        }
        int configured = Ports.free();
        assertThat(Ports.choose(configured, "redis")).isEqualTo(configured);
        int chosen = Ports.choose(0, "redis");
        assertThat(chosen).isPositive().isNotEqualTo(configured);
        assertThat(Ports.isFree(chosen)).isTrue();
    }

    @Test
    void bindTriesAnotherChosenPortWhenTheChosenOneWasTakenMeanwhile() throws IOException {
        List<Integer> tried = new ArrayList<>();

        int bound = Ports.bind(0, "s3", port -> {
            tried.add(port);
            if (tried.size() == 1) {
                throw new BindException("Address already in use");
            }
            return port;
        });

        assertThat(tried).hasSize(2).doesNotHaveDuplicates();
        assertThat(bound).isEqualTo(tried.get(1));
    }

    @Test
    void bindGivesUpAfterFiveTakenPortsAndNeverRetriesAConfiguredOne() throws IOException {
        List<Integer> tried = new ArrayList<>();
        Ports.Binder<Integer> alwaysTaken = port -> {
            tried.add(port);
            throw new BindException("Address already in use");
        };

        assertThatThrownBy(() -> Ports.bind(0, "s3", alwaysTaken)).isInstanceOf(BindException.class);
        assertThat(tried).hasSize(5);

        tried.clear();
        int configured = Ports.free();
        assertThatThrownBy(() -> Ports.bind(configured, "s3", alwaysTaken)).isInstanceOf(BindException.class);
        assertThat(tried).containsExactly(configured);
    }

    @Test
    void requireFreeRejectsNonsense() {
        assertThatThrownBy(() -> Ports.requireFree(70_000, "redis", "COUCHANNEL_REDIS_PORT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("COUCHANNEL_REDIS_PORT");
    }

    @Test
    void freeHandsOutDistinctPortsThatCanBeBound() throws IOException {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ports.add(Ports.free());
        }

        assertThat(ports).hasSize(20);
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
            assertThat(Ports.isFree(port)).isFalse();
        }
    }

    @Test
    void freeChoosesBelowTheEphemeralRangeSoOutgoingConnectionsCannotTakeIt() {
        Ports.EphemeralRange ephemeral = Ports.EphemeralRange.current();

        for (int i = 0; i < 20; i++) {
            assertThat(Ports.free()).isBetween(20_000, ephemeral.low() - 1);
        }
    }

    @Test
    void theEphemeralRangeIsReadAsTheKernelWritesIt() {
        assertThat(Ports.EphemeralRange.parse("32768\t60999\n")).isEqualTo(new Ports.EphemeralRange(32_768, 60_999));
        assertThatThrownBy(() -> Ports.EphemeralRange.parse("32768")).isInstanceOf(IllegalArgumentException.class);
    }
}
