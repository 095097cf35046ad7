package dev.couchannel.analytics.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.analytics.RunningAnalytics;
import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.analytics.v1.NpsSurveyRequested;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A scripted scenario, two hosts, four sessions: bookings, a rejection, cancellations by a guest,
 * the host (a cancelled session) and an admin, a venue whose packages change, and survey answers.
 * Every figure is the one worked out by hand in the comments.
 */
class AnalyticsScenarioIT extends RunningAnalytics {

    static final Duration DAY = Duration.ofDays(1);

    @Test
    void theFiguresAreTheOnesComputedByHand() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String window = "?from=" + today.minusDays(9) + "&to=" + today;
        JsonNode adminBefore = get("/api/admin/analytics" + window, ADMIN).path("totals");

        String hostA = host();
        String hostB = host();
        String venueA = id(); // Sky COMMERCIAL (after a change from Sky RESIDENTIAL)
        String venueB = id(); // DAZN RESIDENTIAL and Sky RESIDENTIAL
        String venueC = id(); // host B's: Canal+ COMMERCIAL
        venue(venueA, hostA, 1, false, "Sky", "RESIDENTIAL");
        venue(venueA, hostA, 2, true, "Sky", "COMMERCIAL");
        venue(venueA, hostA, 1, true, "Sky", "RESIDENTIAL"); // a stale redelivery changes nothing
        venue(venueB, hostA, 1, false, "DAZN", "RESIDENTIAL", "Sky", "RESIDENTIAL");
        venue(venueC, hostB, 1, false, "Canal+", "COMMERCIAL");

        String s1 = id(); // host A, venue A, 10 seats, kicked off 2 days ago
        String s2 = id(); // host A, venue B, 4 seats, kicked off yesterday
        String s3 = id(); // host A, venue A, 20 seats, cancelled by the host
        String s4 = id(); // host B, venue C, 8 seats
        published(s1, venueA, hostA, now.minus(DAY.multipliedBy(2)), 10);
        published(s2, venueB, hostA, now.minus(DAY), 4);
        published(s3, venueA, hostA, now.minus(DAY).plus(Duration.ofHours(2)), 20);
        published(s4, venueC, hostB, now.minus(DAY.multipliedBy(2)), 8);

        String[] g = {guest(), guest(), guest(), guest(), guest(), guest(), guest(), guest(), guest(), guest()};
        String b1 = id(),
                b2 = id(),
                b3 = id(),
                b4 = id(),
                b5 = id(),
                b6 = id(),
                b7 = id(),
                b8 = id(),
                b9 = id(),
                b10 = id();
        Instant d5 = now.minus(DAY.multipliedBy(5));
        Instant d4 = now.minus(DAY.multipliedBy(4));
        Instant d3 = now.minus(DAY.multipliedBy(3));
        confirmed(b1, s1, g[0], 2, "20.00", "EUR", d5);
        confirmed(b2, s1, g[1], 3, "30.00", "EUR", d5);
        cancelled(b2, s1, g[1], 3, "GUEST", "15.00", "EUR", d4);
        confirmed(b3, s1, g[2], 1, "10.00", "EUR", d4);
        confirmed(b4, s2, g[3], 4, "200.00", "PLN", d3);
        rejected(b5, s2, g[4], d3);
        confirmed(b6, s3, g[5], 2, "24.00", "EUR", d4);
        confirmed(b7, s3, g[6], 1, "12.00", "EUR", d4);
        sessionCancelled(s3, hostA, d3);
        cancelled(b6, s3, g[5], 2, "HOST", "24.00", "EUR", d3);
        cancelled(b7, s3, g[6], 1, "HOST", "12.00", "EUR", d3);
        confirmed(b8, s1, g[7], 1, "10.00", "EUR", d5);
        cancelled(b8, s1, g[7], 1, "ADMIN", "10.00", "EUR", d3);
        confirmed(b9, s4, g[8], 2, "30.00", "EUR", d5);
        confirmed(b10, s4, g[9], 1, "15.00", "EUR", d5);
        cancelled(b10, s4, g[9], 1, "GUEST", "0.00", "EUR", d4);

        awaitVenue(venueA, 2);
        awaitVenue(venueB, 1);
        awaitVenue(venueC, 1);
        List.of(s1, s2, s4).forEach(s -> awaitSession(s, false));
        awaitSession(s3, true);
        List.of(b1, b3, b4, b9).forEach(b -> awaitBooking(b, "CONFIRMED"));
        List.of(b2, b6, b7, b8, b10).forEach(b -> awaitBooking(b, "CANCELLED"));
        awaitBooking(b5, "REJECTED");

        // surveys: the sessions that ended and were not cancelled (s1, s2, s4), bookings still confirmed
        surveyPoller.askDue();
        Map<String, Integer> answers = Map.of(b1, 10, b3, 6, b4, 9, b9, 3);
        try (TopicProbe probe = TopicProbe.on(Topics.ANALYTICS_EVENTS)) {
            for (Map.Entry<String, Integer> answer : answers.entrySet()) {
                ConsumerRecord<String, byte[]> record = probe.await(r -> r.key().equals(answer.getKey()), WAIT);
                NpsSurveyRequested request = NpsSurveyRequested.parseFrom(record.value());
                String path = URI.create(request.getSurveyUrl()).getPath();
                var answered = send("POST", path, null, "{\"score\":" + answer.getValue() + "}");
                assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM surveys WHERE booking_id IN (:ids)")
                        .param(
                                "ids",
                                List.of(b2, b5, b6, b7, b8, b10).stream()
                                        .map(java.util.UUID::fromString)
                                        .toList())
                        .query(Long.class)
                        .single())
                .as("no survey for rejected or cancelled bookings, or a cancelled session")
                .isZero();

        JsonNode a = get("/api/hosts/me/analytics" + window, hostA);
        assertThat(a.path("scope").asString()).isEqualTo(hostA);
        JsonNode totals = a.path("totals");
        // confirmed: b1 b2 b3 b4 b6 b7 b8 = 7; seats 2+3+1+4+2+1+1 = 14
        assertThat(totals.path("confirmed").asInt()).isEqualTo(7);
        assertThat(totals.path("seats").asInt()).isEqualTo(14);
        assertThat(totals.path("rejected").asInt()).isEqualTo(1);
        // cancelled: b2 (guest), b6 b7 (host), b8 (admin) = 4 of 7
        assertThat(totals.path("cancelled").asInt()).isEqualTo(4);
        assertThat(totals.path("cancellationRate").decimalValue()).isEqualByComparingTo("0.5714");
        assertThat(totals.path("cancelledBy").path("GUEST").asInt()).isEqualTo(1);
        assertThat(totals.path("cancelledBy").path("HOST").asInt()).isEqualTo(2);
        assertThat(totals.path("cancelledBy").path("ADMIN").asInt()).isEqualTo(1);
        // EUR: 20+30+10+24+12+10 = 106 in, 15+24+12+10 = 61 back; PLN: 200 in
        assertThat(revenue(totals)).containsExactly("EUR 106.00 61.00 45.00", "PLN 200.00 0.00 200.00");
        // s1: 10 seats, b1 + b3 = 3 sold; s2: 4 seats, b4 = 4 sold; s3 cancelled, not counted
        assertThat(totals.path("occupancy").path("sessions").asInt()).isEqualTo(2);
        assertThat(totals.path("occupancy").path("sold").asInt()).isEqualTo(7);
        assertThat(totals.path("occupancy").path("capacity").asInt()).isEqualTo(14);
        assertThat(totals.path("occupancy").path("rate").decimalValue()).isEqualByComparingTo("0.5");
        // answers 10, 6, 9: two promoters, one detractor: (2 - 1) / 3 = 33.3
        JsonNode nps = totals.path("nps");
        assertThat(List.of(
                        nps.path("responses").asInt(),
                        nps.path("promoters").asInt(),
                        nps.path("passives").asInt(),
                        nps.path("detractors").asInt()))
                .containsExactly(3, 2, 0, 1);
        assertThat(nps.path("score").decimalValue()).isEqualByComparingTo("33.3");
        // bookings still confirmed: b1 (2) and b3 (1) at venue A (Sky COMMERCIAL), b4 (4) at venue B
        assertThat(packages(totals))
                .containsExactly("DAZN RESIDENTIAL 1 4", "Sky COMMERCIAL 2 3", "Sky RESIDENTIAL 1 4");

        // the series: ten days, the totals spread over the days things happened
        JsonNode series = a.path("series");
        assertThat(series).hasSize(10);
        JsonNode fiveDaysAgo = point(series, today.minusDays(5));
        assertThat(fiveDaysAgo.path("confirmed").asInt()).isEqualTo(3); // b1 b2 b8
        assertThat(fiveDaysAgo.path("seats").asInt()).isEqualTo(6);
        assertThat(revenue(fiveDaysAgo)).containsExactly("EUR 60.00 0.00 60.00");
        JsonNode threeDaysAgo = point(series, today.minusDays(3));
        assertThat(threeDaysAgo.path("confirmed").asInt()).isEqualTo(1); // b4
        assertThat(threeDaysAgo.path("rejected").asInt()).isEqualTo(1); // b5
        assertThat(threeDaysAgo.path("cancelled").asInt()).isEqualTo(3); // b6 b7 b8
        assertThat(revenue(threeDaysAgo)).containsExactly("EUR 0.00 46.00 -46.00", "PLN 200.00 0.00 200.00");
        assertThat(point(series, today.minusDays(2))
                        .path("occupancy")
                        .path("sold")
                        .asInt())
                .isEqualTo(3); // s1's kickoff
        assertThat(point(series, today).path("nps").path("responses").asInt()).isEqualTo(3);
        int confirmedInSeries = 0;
        for (JsonNode day : series) {
            confirmedInSeries += day.path("confirmed").asInt();
        }
        assertThat(confirmedInSeries).isEqualTo(7);

        // each session's occupancy, by kickoff
        List<String> sessions = new ArrayList<>();
        a.path("sessions")
                .forEach(s -> sessions.add(s.path("sessionId").asString() + " "
                        + s.path("sold").asInt() + "/" + s.path("capacity").asInt() + " "
                        + s.path("cancelled").asBoolean()));
        assertThat(sessions).containsExactly(s1 + " 3/10 false", s2 + " 4/4 false", s3 + " 0/20 true");

        // by week: the same totals, fewer points
        JsonNode weekly = get("/api/hosts/me/analytics" + window + "&interval=week", hostA);
        assertThat(weekly.path("totals")).isEqualTo(totals);
        assertThat(weekly.path("series").size()).isBetween(2, 3);
        assertThat(LocalDate.parse(weekly.path("series").get(0).path("start").asString())
                        .getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY);

        // host B sees only their own: b9 and b10 (cancelled by the guest, nothing back), answer 3
        JsonNode b = get("/api/hosts/me/analytics" + window, hostB).path("totals");
        assertThat(b.path("confirmed").asInt()).isEqualTo(2);
        assertThat(b.path("cancelled").asInt()).isEqualTo(1);
        assertThat(revenue(b)).containsExactly("EUR 45.00 0.00 45.00");
        assertThat(b.path("occupancy").path("sold").asInt()).isEqualTo(2);
        assertThat(b.path("nps").path("score").decimalValue()).isEqualByComparingTo("-100.0");
        assertThat(packages(b)).containsExactly("Canal+ COMMERCIAL 1 2");

        // the admin sees both hosts: what the scenario added is A's and B's figures together
        JsonNode adminAfter = get("/api/admin/analytics" + window, ADMIN).path("totals");
        assertThat(delta(adminAfter, adminBefore, "confirmed")).isEqualTo(9);
        assertThat(delta(adminAfter, adminBefore, "seats")).isEqualTo(17);
        assertThat(delta(adminAfter, adminBefore, "cancelled")).isEqualTo(5);
        assertThat(delta(adminAfter, adminBefore, "rejected")).isEqualTo(1);
        assertThat(adminAfter.path("nps").path("responses").asInt()
                        - adminBefore.path("nps").path("responses").asInt())
                .isEqualTo(4);
    }

    private static int delta(JsonNode after, JsonNode before, String field) {
        return after.path(field).asInt() - before.path(field).asInt();
    }

    private static JsonNode point(JsonNode series, LocalDate start) {
        for (JsonNode point : series) {
            if (point.path("start").asString().equals(start.toString())) {
                return point;
            }
        }
        throw new AssertionError("no point starts on " + start + " in " + series);
    }

    private static List<String> revenue(JsonNode figures) {
        List<String> lines = new ArrayList<>();
        figures.path("revenue")
                .forEach(r -> lines.add(r.path("currency").asString() + " "
                        + r.path("gross").asString() + " " + r.path("refunds").asString() + " "
                        + r.path("net").asString()));
        return lines;
    }

    private static List<String> packages(JsonNode figures) {
        List<String> lines = new ArrayList<>();
        figures.path("packages")
                .forEach(p -> lines.add(p.path("provider").asString() + " "
                        + p.path("licence").asString() + " "
                        + p.path("bookings").asInt() + " " + p.path("seats").asInt()));
        return lines;
    }
}
