package dev.couchannel.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private final CloudEvent event = CloudEvent.of(
            "couchannel/booking", "couchannel.booking.v1.BookingConfirmed", "b-1", Instant.EPOCH, new byte[0]);

    @Test
    void anIdTheEventNamesIsReadAsAUuid() {
        UUID id = UUID.randomUUID();

        assertThat(event.uuid(id.toString())).isEqualTo(id);
    }

    @Test
    void aMalformedIdMakesTheEventPoisonAndSaysWhichEventAndWhatItNamed() {
        assertThatThrownBy(() -> event.uuid("not-a-uuid"))
                .isInstanceOf(PoisonMessage.class)
                .hasMessageContaining("couchannel.booking.v1.BookingConfirmed " + event.id())
                .hasMessageContaining("'not-a-uuid'");
    }
}
