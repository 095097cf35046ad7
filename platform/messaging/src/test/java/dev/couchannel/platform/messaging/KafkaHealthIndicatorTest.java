package dev.couchannel.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.platform.embedded.Ports;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Readiness turns false while the broker is unreachable. */
class KafkaHealthIndicatorTest {

    @Test
    void anUnreachableBrokerIsDown() throws Exception {
        int nobody = Ports.free();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + nobody,
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500),
                Duration.ofMillis(500));
        try {
            assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }
}
