package dev.couchannel.inventory.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.couchannel.inventory.catalog.Fixture;
import dev.couchannel.platform.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin imports fixtures calendars (CSV, iCal, by URL) into real PostgreSQL, all or nothing. */
class FixtureImportIT extends SessionTestSupport {

    private static final String IMPORT = "/api/admin/fixtures/import";

    private HttpServer calendars;
    private String competition;

    @BeforeEach
    void calendarServer() throws Exception {
        competition = "Import Cup " + UUID.randomUUID();
        calendars = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        calendars.createContext("/fixtures.csv", exchange -> {
            byte[] body = csv("2027-03-01T19:00:00Z").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        calendars.createContext("/missing.ics", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        calendars.start();
    }

    @AfterEach
    void stopCalendarServer() {
        calendars.stop(0);
    }

    private String csv(String kickoff) {
        return """
                competition,homeTeam,awayTeam,kickoff,territory,broadcaster
                %1$s,Arsenal,Chelsea,%2$s,GB,Sky Sports
                %1$s,Liverpool,Everton,2027-03-02T20:00:00+01:00,GB,
                """.formatted(competition, kickoff);
    }

    private String ical() {
        return """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                SUMMARY:Legia Warszawa vs Lech Poznań
                DTSTART;TZID=Europe/Warsaw:20270310T203000
                X-COUCHANNEL-COMPETITION:%s
                X-COUCHANNEL-TERRITORY:PL
                END:VEVENT
                END:VCALENDAR
                """.formatted(competition);
    }

    @Test
    void anAdminUploadsACsvAndAgainChangesNothing() throws Exception {
        HttpResponse<String> first = upload("text/csv", ADMIN, csv("2027-03-01T19:00:00Z"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body())
                .contains("\"imported\":2")
                .contains("\"unchanged\":0")
                .contains("\"errors\":[]");
        assertThat(imported()).isEqualTo(2);
        UUID arsenal = Fixture.identify(competition, "Arsenal", "Chelsea", Instant.parse("2027-03-01T19:00:00Z"));
        Fixture stored = fixtures.find(arsenal).orElseThrow();
        assertThat(stored.broadcaster()).isEqualTo("Sky Sports");
        assertThat(stored.territory()).isEqualTo("GB");

        HttpResponse<String> again = upload("text/csv", ADMIN, csv("2027-03-01T19:00:00Z"));
        assertThat(again.body()).contains("\"imported\":0").contains("\"unchanged\":2");
        assertThat(imported()).isEqualTo(2);

        HttpResponse<String> moved = upload("text/csv", ADMIN, csv("2027-03-01T20:00:00Z"));
        assertThat(moved.body()).contains("\"imported\":1").contains("\"unchanged\":1");
        assertThat(imported()).isEqualTo(3);
    }

    @Test
    void anAdminUploadsAnICalendar() throws Exception {
        HttpResponse<String> response = upload("text/calendar", ADMIN, ical());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"imported\":1");
        Fixture legia = fixtures.find(Fixture.identify(
                        competition, "Legia Warszawa", "Lech Poznań", Instant.parse("2027-03-10T19:30:00Z")))
                .orElseThrow();
        assertThat(legia.territory()).isEqualTo("PL");
        assertThat(upload("text/calendar", ADMIN, ical()).body()).contains("\"unchanged\":1");
    }

    @Test
    void oneBadLineWritesNothingAndEveryBadLineIsNamed() throws Exception {
        String bad = csv("2027-03-01T19:00:00Z") + competition + ",Spurs,Spurs,tomorrow,GB\n" + competition
                + ",Fulham,Brentford,2027-03-05T15:00:00Z,ENG\n";

        HttpResponse<String> response = upload("text/csv", ADMIN, bad);

        assertProblem(response, 400);
        assertThat(response.body())
                .contains("{\"line\":4,\"problem\":\"kickoff must be ISO-8601")
                .contains("{\"line\":5,\"problem\":\"territory must be")
                .doesNotContain("\"line\":2");
        assertThat(imported()).isZero();
        assertProblem(upload("text/csv", ADMIN, "  \n"), 400);
        assertProblem(upload("text/calendar", ADMIN, ""), 400);
        HttpResponse<String> tooLarge = upload("text/csv", ADMIN, "x".repeat(1024 * 1024 + 1));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(imported()).isZero();
    }

    @Test
    void onlyAnAdminImports() throws Exception {
        HttpResponse<String> forbidden = upload("text/csv", HOST, csv("2027-03-01T19:00:00Z"));
        assertProblem(forbidden, 403);
        assertThat(forbidden.body()).contains("Only admin accounts may import fixtures");
        assertProblem(upload("text/csv", null, csv("2027-03-01T19:00:00Z")), 401);
        assertThat(imported()).isZero();
    }

    @Test
    void anAdminImportsFromAUrlAndAFailedFetchSaysWhy() throws Exception {
        String base = "http://127.0.0.1:" + calendars.getAddress().getPort();

        HttpResponse<String> fetched =
                upload("application/json", ADMIN, "{\"url\":\"" + base + "/fixtures.csv\",\"format\":\"CSV\"}");

        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.body()).contains("\"imported\":2");
        assertThat(imported()).isEqualTo(2);

        HttpResponse<String> missing =
                upload("application/json", ADMIN, "{\"url\":\"" + base + "/missing.ics\",\"format\":\"ICAL\"}");
        assertProblem(missing, 422);
        assertThat(missing.body()).contains("HTTP 404");

        HttpResponse<String> file =
                upload("application/json", ADMIN, "{\"url\":\"file:///etc/passwd\",\"format\":\"CSV\"}");
        assertProblem(file, 400);
        assertThat(file.body()).contains("http://");
        assertProblem(upload("application/json", ADMIN, "{\"url\":\"" + base + "/fixtures.csv\"}"), 400);
        assertThat(imported()).isEqualTo(2);
    }

    private long imported() {
        return jdbc.sql("SELECT count(*) FROM fixtures WHERE competition = :competition")
                .param("competition", competition)
                .query(Long.class)
                .single();
    }

    private HttpResponse<String> upload(String contentType, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + IMPORT))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", TestTokens.bearer(user));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
