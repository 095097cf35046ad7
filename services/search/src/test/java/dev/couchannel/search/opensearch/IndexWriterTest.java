package dev.couchannel.search.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.search.readmodel.FieldGroup;
import dev.couchannel.search.readmodel.ReadModelUpdate.SessionChanged;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexWriterTest {

    private static final Instant T = Instant.parse("2026-11-21T20:00:00Z");

    @Test
    void coalescesABatchIntoOneUpdatePerSessionKeepingTheNewestOfEachGroup() {
        SessionChanged published = new SessionChanged(
                "s-1",
                List.of(
                        new FieldGroup(FieldGroup.FACTS, 10, Map.of("homeTeam", "Arsenal")),
                        new FieldGroup(FieldGroup.SEATS, 10, Map.of("seatsLeft", 8))),
                "v-1",
                T);
        SessionChanged seats = new SessionChanged(
                "s-1", List.of(new FieldGroup(FieldGroup.SEATS, 12, Map.of("seatsLeft", 5))), null, T.plusSeconds(1));
        SessionChanged other = new SessionChanged(
                "s-2", List.of(new FieldGroup(FieldGroup.SEATS, 11, Map.of("seatsLeft", 1))), null, T);
        SessionChanged cancelled = new SessionChanged(
                "s-1", List.of(new FieldGroup(FieldGroup.STATUS, 13, Map.of("status", "CANCELLED"))), null, T);

        List<SessionChanged> merged = IndexWriter.coalesced(List.of(published, other, seats, cancelled));

        assertThat(merged).extracting(SessionChanged::sessionId).containsExactly("s-1", "s-2");
        SessionChanged first = merged.getFirst();
        assertThat(first.joinVenue()).isEqualTo("v-1");
        assertThat(first.eventTime()).isEqualTo(T.plusSeconds(1));
        assertThat(first.groups())
                .extracting(FieldGroup::name, FieldGroup::seq)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("facts", 10L),
                        org.assertj.core.groups.Tuple.tuple("seats", 12L),
                        org.assertj.core.groups.Tuple.tuple("status", 13L));
        assertThat(first.groups().stream()
                        .filter(g -> g.name().equals("seats"))
                        .findFirst()
                        .orElseThrow()
                        .fields())
                .containsEntry("seatsLeft", 5);
    }
}
