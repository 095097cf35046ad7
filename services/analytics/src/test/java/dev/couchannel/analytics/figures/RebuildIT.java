package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.analytics.RunningAnalytics;
import dev.couchannel.analytics.figures.persistence.JdbcFacts;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The read model is nothing but the log read: thrown away and replayed, it comes back the same. */
class RebuildIT extends RunningAnalytics {

    private List<Map<String, Object>> table(String name, String order) {
        return jdbc.sql("SELECT * FROM facts." + name + " ORDER BY " + order)
                .query()
                .listOfRows();
    }

    @Test
    void aRebuildFromTheLogGivesTheSameFigures() throws Exception {
        Instant now = clock.instant();
        String host = host();
        String venue = id();
        String session = id();
        String other = id();
        venue(venue, host, 1, false, "Viaplay", "COMMERCIAL");
        published(session, venue, host, now.minus(Duration.ofDays(1)), 12);
        published(other, venue, host, now.minus(Duration.ofDays(2)), 6);
        String kept = id();
        String gone = id();
        String refused = id();
        confirmed(kept, session, guest(), 3, "36.00", "EUR", now.minus(Duration.ofDays(3)));
        confirmed(gone, session, guest(), 2, "24.00", "EUR", now.minus(Duration.ofDays(3)));
        cancelled(gone, session, guest(), 2, "GUEST", "12.00", "EUR", now.minus(Duration.ofDays(2)));
        rejected(refused, other, guest(), now.minus(Duration.ofDays(2)));
        sessionCancelled(other, host, now.minus(Duration.ofDays(2)));
        awaitVenue(venue, 1);
        awaitSession(session, false);
        awaitSession(other, true);
        awaitBooking(kept, "CONFIRMED");
        awaitBooking(gone, "CANCELLED");
        awaitBooking(refused, "REJECTED");

        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String window = "?from=" + today.minusDays(6) + "&to=" + today;
        JsonNode hostBefore = get("/api/hosts/me/analytics" + window, host);
        JsonNode adminBefore = get("/api/admin/analytics" + window, ADMIN);
        List<Map<String, Object>> bookings = table("bookings", "booking_id");
        List<Map<String, Object>> sessions = table("sessions", "session_id");
        List<Map<String, Object>> packages = table("venue_packages", "venue_id, provider, licence");
        assertThat(hostBefore.path("totals").path("confirmed").asInt()).isEqualTo(2);

        // the read model gone wrong: a lost booking, a session out of step, a lost package
        jdbc.sql("DELETE FROM facts.bookings WHERE booking_id = :id")
                .param("id", java.util.UUID.fromString(kept))
                .update();
        jdbc.sql("UPDATE facts.sessions SET capacity = 999").update();
        jdbc.sql("DELETE FROM facts.venue_packages").update();
        assertThat(get("/api/hosts/me/analytics" + window, host)).isNotEqualTo(hostBefore);

        HttpResponse<String> rebuilt = send("POST", "/api/admin/analytics/rebuild", ADMIN, null);

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(json(rebuilt).path("events").asLong()).isGreaterThanOrEqualTo(8);
        assertThat(table("bookings", "booking_id")).isEqualTo(bookings);
        assertThat(table("sessions", "session_id")).isEqualTo(sessions);
        assertThat(table("venue_packages", "venue_id, provider, licence")).isEqualTo(packages);
        assertThat(get("/api/hosts/me/analytics" + window, host)).isEqualTo(hostBefore);
        assertThat(get("/api/admin/analytics" + window, ADMIN)).isEqualTo(adminBefore);
        assertThat(jdbc.sql("SELECT to_regnamespace('facts_next') IS NULL")
                        .query(Boolean.class)
                        .single())
                .as("the copy was swapped in")
                .isTrue();

        // and the live consumer writes into the swapped-in tables
        String later = id();
        confirmed(later, session, guest(), 1, "12.00", "EUR", now);
        awaitBooking(later, "CONFIRMED");
    }

    @Autowired
    JdbcFacts facts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void whileARebuildFillsTheCopyLiveEventsGoToBothCopies() {
        transactions.executeWithoutResult(status -> facts.createNext());
        try {
            String session = id();
            String booking = id();
            published(session, id(), host(), clock.instant().plus(Duration.ofDays(3)), 5);
            confirmed(booking, session, guest(), 2, "20.00", "EUR", clock.instant());
            awaitBooking(booking, "CONFIRMED");

            assertThat(jdbc.sql("SELECT count(*) FROM facts_next.bookings WHERE booking_id = :id")
                            .param("id", java.util.UUID.fromString(booking))
                            .query(Long.class)
                            .single())
                    .isOne();
            awaitSession(session, false);
            assertThat(jdbc.sql("SELECT capacity FROM facts_next.sessions WHERE session_id = :id")
                            .param("id", java.util.UUID.fromString(session))
                            .query(Integer.class)
                            .single())
                    .isEqualTo(5);
        } finally {
            transactions.executeWithoutResult(status -> facts.dropNext());
        }
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflict() throws Exception {
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            // the lock a running rebuild holds
            statement.execute("SELECT pg_advisory_lock(" + 0x616e616c79746963L + ")");
            try {
                HttpResponse<String> second = send("POST", "/api/admin/analytics/rebuild", ADMIN, null);
                assertProblem(second, 409);
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + 0x616e616c79746963L + ")");
            }
        }
    }

    @Autowired
    javax.sql.DataSource dataSource;
}
