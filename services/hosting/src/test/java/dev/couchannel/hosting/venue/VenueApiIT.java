package dev.couchannel.hosting.venue;

import static dev.couchannel.platform.testing.TopicProbe.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.hosting.v1.VenueChanged;
import dev.couchannel.contracts.hosting.v1.VenueRegistered;
import dev.couchannel.hosting.RunningHosting;
import dev.couchannel.platform.testing.OpenApiContract;
import dev.couchannel.platform.testing.TopicProbe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The venue API as hosts and guests use it through the gateway, and the events it publishes. */
class VenueApiIT extends RunningHosting {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    /** A host of its own for each test, so tests do not see each other's venues. */
    final String host = "host-" + UUID.randomUUID() + "@example.com";

    static ObjectNode londonFlat() {
        ObjectNode venue = JSON.createObjectNode()
                .put("name", "Notting Hill living room")
                .put("type", "HOME")
                .put("address", "Flat 3, 12 Elgin Crescent")
                .put("city", "London")
                .put("country", "GB")
                .put("lat", 51.5141)
                .put("lon", -0.2047)
                .put("capacity", 8)
                .put("screens", 1)
                .put("largestScreenInches", 65)
                .put("speakers", 2);
        venue.putArray("packages")
                .addObject()
                .put("provider", "Sky")
                .put("licence", "RESIDENTIAL")
                .put("country", "GB");
        return venue;
    }

    @Test
    void everyPublicEndpointIsInTheOpenApiContract() {
        assertThat(OpenApiContract.apiOperations(mappings)).isGreaterThanOrEqualTo(4);
        assertThat(OpenApiContract.undocumented(mappings)).isEmpty();
    }

    @Test
    void aHostRegistersListsAndChangesAVenueThatAnyoneCanRead() throws Exception {
        HttpResponse<String> created =
                send("POST", "/api/venues", host, londonFlat().toString());

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode venue = json(created);
        String id = venue.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/venues/" + id);
        assertThat(venue.path("hostId").asString()).isEqualTo(host);
        assertThat(venue.path("version").asLong()).isEqualTo(1);
        assertThat(venue.path("speakers").asInt()).isEqualTo(2);

        // a stranger reads a home without its street address, its position blurred to about a kilometre
        JsonNode publicView = json(send("GET", "/api/venues/" + id, null, null));
        assertThat(publicView.has("address")).isFalse();
        assertThat(publicView.has("hostId")).isFalse();
        assertThat(publicView.path("lat").asDouble()).isEqualTo(51.51);
        assertThat(publicView.path("lon").asDouble()).isEqualTo(-0.2);
        assertThat(publicView.path("city").asString()).isEqualTo("London");
        assertThat(json(send("GET", "/api/venues/" + id, "someone-else@example.com", null))
                        .has("address"))
                .isFalse();

        HttpResponse<String> read = send("GET", "/api/venues/" + id, host, null);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode readVenue = json(read);
        assertThat(readVenue.path("name").asString()).isEqualTo("Notting Hill living room");
        assertThat(readVenue.path("type").asString()).isEqualTo("HOME");
        assertThat(readVenue.path("address").asString()).isEqualTo("Flat 3, 12 Elgin Crescent");
        assertThat(readVenue.path("country").asString()).isEqualTo("GB");
        assertThat(readVenue.path("lat").asDouble()).isEqualTo(51.5141);
        assertThat(readVenue.path("lon").asDouble()).isEqualTo(-0.2047);
        assertThat(readVenue.path("capacity").asInt()).isEqualTo(8);
        assertThat(readVenue.path("largestScreenInches").asInt()).isEqualTo(65);
        assertThat(readVenue.path("packages").toString())
                .isEqualTo("[{\"provider\":\"Sky\",\"licence\":\"RESIDENTIAL\",\"country\":\"GB\"}]");

        HttpResponse<String> mine = send("GET", "/api/hosts/me/venues", host, null);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).valueStream().map(v -> v.path("id").asString())).containsExactly(id);

        ObjectNode bigger = londonFlat().put("capacity", 12);
        bigger.withArray("packages")
                .addObject()
                .put("provider", "TNT Sports")
                .put("licence", "RESIDENTIAL")
                .put("country", "GB");
        HttpResponse<String> changed = send("PUT", "/api/venues/" + id, host, bigger.toString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).path("capacity").asInt()).isEqualTo(12);
        assertThat(json(changed).path("version").asLong()).isEqualTo(2);
        assertThat(json(changed).path("packages").size()).isEqualTo(2);

        HttpResponse<String> again = send("PUT", "/api/venues/" + id, host, bigger.toString());
        assertThat(json(again).path("version").asLong())
                .as("the same facts again are no change")
                .isEqualTo(2);

        JsonNode now = json(send("GET", "/api/venues/" + id, null, null));
        assertThat(now.path("capacity").asInt()).isEqualTo(12);
        assertThat(now.path("packages").get(1).path("provider").asString()).isEqualTo("TNT Sports");
    }

    @Test
    void anotherHostCannotSeeAVenueToChangeIt() throws Exception {
        String id = register(londonFlat());

        HttpResponse<String> hijack = send(
                "PUT",
                "/api/venues/" + id,
                "intruder@example.com",
                londonFlat().put("capacity", 2000).toString());

        assertProblem(hijack, 404);
        assertThat(json(hijack).path("detail").asString()).contains("No venue with id " + id);
        JsonNode unchanged = json(send("GET", "/api/venues/" + id, null, null));
        assertThat(unchanged.path("capacity").asInt()).isEqualTo(8);
        assertThat(unchanged.path("version").asLong()).isEqualTo(1);
        assertThat(json(send("GET", "/api/hosts/me/venues", "intruder@example.com", null)))
                .isEmpty();
    }

    @Test
    void writesAndMyVenuesNeedASignedInCaller() throws Exception {
        long before = venueRows();

        assertProblem(send("POST", "/api/venues", null, londonFlat().toString()), 401);
        assertProblem(send("GET", "/api/hosts/me/venues", null, null), 401);

        assertThat(venueRows()).isEqualTo(before);
    }

    @Test
    void everyBadInputIsAProblemNamingTheFieldsAndWritesNothing() throws Exception {
        Map<String, Consumer<ObjectNode>> cases = new java.util.LinkedHashMap<>();
        cases.put("type", v -> v.put("type", "CASTLE"));
        cases.put("packages[0].licence", v -> firstPackage(v).put("licence", "PIRATE"));
        cases.put("country", v -> v.put("country", "Poland"));
        cases.put("country ", v -> v.put("country", "XX")); // well-formed but no country: the domain says so
        cases.put("packages[0].country", v -> firstPackage(v).put("country", "gb"));
        cases.put("lat", v -> v.put("lat", 200));
        cases.put("lon", v -> v.put("lon", -181));
        cases.put("capacity", v -> v.put("capacity", 0));
        cases.put("capacity ", v -> v.put("capacity", 100_000));
        cases.put("name", v -> v.remove("name"));
        cases.put("name ", v -> v.put("name", "   "));
        cases.put("packages", v -> v.remove("packages"));
        cases.put("largestScreenInches", v -> v.put("screens", 2).put("largestScreenInches", 0));
        cases.put("largestScreenInches ", v -> v.put("largestScreenInches", 10));
        cases.put("speakers", v -> v.put("speakers", 65));
        cases.put("packages[1]", v -> v.withArray("packages")
                .addObject()
                .put("provider", "sky")
                .put("licence", "RESIDENTIAL")
                .put("country", "GB"));
        cases.put("lat,capacity,type", v -> v.put("lat", 200).put("capacity", 0).putNull("type"));
        long before = venueRows();

        for (var bad : cases.entrySet()) {
            ObjectNode body = londonFlat();
            bad.getValue().accept(body);

            HttpResponse<String> response = send("POST", "/api/venues", host, body.toString());

            assertProblem(response, 400);
            List<String> fields = new ArrayList<>();
            json(response)
                    .path("errors")
                    .forEach(error -> fields.add(error.path("field").asString()));
            assertThat(fields)
                    .as(body.toString())
                    .containsExactlyInAnyOrder(bad.getKey().strip().split(","));
            json(response).path("errors").forEach(error -> assertThat(
                            error.path("message").asString())
                    .as(body.toString())
                    .isNotBlank());
        }
        assertThat(venueRows()).isEqualTo(before);
    }

    @Test
    void anUnreadableBodyIsAProblemAndWritesNothing() throws Exception {
        long before = venueRows();

        for (String body : new String[] {
            "{\"name\": \"Flat\",", "[]", "", londonFlat().put("lat", "north").toString()
        }) {
            HttpResponse<String> response = send("POST", "/api/venues", host, body);
            assertProblem(response, 400);
            assertThat(json(response).path("title").asString()).as(body).isEqualTo("Unreadable request body");
        }
        assertThat(venueRows()).isEqualTo(before);
    }

    @Test
    void aBadChangeLeavesTheVenueAsItWas() throws Exception {
        String id = register(londonFlat());

        assertProblem(
                send(
                        "PUT",
                        "/api/venues/" + id,
                        host,
                        londonFlat().put("lat", 200).toString()),
                400);
        assertProblem(
                send(
                        "PUT",
                        "/api/venues/" + id,
                        host,
                        londonFlat().put("country", "XX").toString()),
                400);

        JsonNode venue = json(send("GET", "/api/venues/" + id, host, null));
        assertThat(venue.path("lat").asDouble()).isEqualTo(51.5141);
        assertThat(venue.path("country").asString()).isEqualTo("GB");
        assertThat(venue.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void unknownAndMalformedIdsAreProblems() throws Exception {
        assertProblem(send("GET", "/api/venues/" + UUID.randomUUID(), null, null), 404);
        assertProblem(send("GET", "/api/venues/not-a-uuid", null, null), 400);
        assertProblem(
                send(
                        "PUT",
                        "/api/venues/" + UUID.randomUUID(),
                        host,
                        londonFlat().toString()),
                404);
    }

    @Test
    void registrationsAndChangesArePublishedWithAllFacts() throws Exception {
        try (TopicProbe events = TopicProbe.on(Topics.HOSTING_EVENTS)) {
            String id = register(londonFlat());

            ConsumerRecord<String, byte[]> registered = events.await(
                    record -> id.equals(record.key())
                            && "couchannel.hosting.v1.VenueRegistered".equals(header(record, "ce_type")),
                    WAIT);
            assertThat(header(registered, "ce_source")).isEqualTo("hosting");
            assertThat(header(registered, "ce_subject")).isEqualTo(id);
            var venue = VenueRegistered.parseFrom(registered.value()).getVenue();
            assertThat(venue.getId()).isEqualTo(id);
            assertThat(venue.getHostId()).isEqualTo(host);
            assertThat(venue.getName()).isEqualTo("Notting Hill living room");
            assertThat(venue.getType()).isEqualTo("HOME");
            assertThat(venue.getAddress()).isEqualTo("Flat 3, 12 Elgin Crescent");
            assertThat(venue.getCity()).isEqualTo("London");
            assertThat(venue.getCountry()).isEqualTo("GB");
            assertThat(venue.getLat()).isEqualTo(51.5141);
            assertThat(venue.getLon()).isEqualTo(-0.2047);
            assertThat(venue.getCapacity()).isEqualTo(8);
            assertThat(venue.getScreens()).isEqualTo(1);
            assertThat(venue.getLargestScreenInches()).isEqualTo(65);
            assertThat(venue.getSpeakers()).isEqualTo(2);
            assertThat(venue.getPackagesList()).singleElement().satisfies(p -> {
                assertThat(p.getProvider()).isEqualTo("Sky");
                assertThat(p.getLicence()).isEqualTo("RESIDENTIAL");
                assertThat(p.getCountry()).isEqualTo("GB");
            });
            assertThat(venue.getVersion()).isEqualTo(1);

            ObjectNode bar = londonFlat().put("type", "COMMERCIAL").put("capacity", 40);
            firstPackage(bar).put("licence", "COMMERCIAL");
            assertThat(send("PUT", "/api/venues/" + id, host, bar.toString()).statusCode())
                    .isEqualTo(200);

            ConsumerRecord<String, byte[]> changed = events.await(
                    record -> id.equals(record.key())
                            && "couchannel.hosting.v1.VenueChanged".equals(header(record, "ce_type")),
                    WAIT);
            var now = VenueChanged.parseFrom(changed.value()).getVenue();
            assertThat(now.getType()).isEqualTo("COMMERCIAL");
            assertThat(now.getCapacity()).isEqualTo(40);
            assertThat(now.getPackages(0).getLicence()).isEqualTo("COMMERCIAL");
            assertThat(now.getVersion()).isEqualTo(2);
        }
    }

    @Test
    void isHealthyAndReady() throws Exception {
        assertThat(send("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> readiness = send("GET", "/readinessz", null, null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"");
    }

    private String register(ObjectNode venue) throws Exception {
        HttpResponse<String> created = send("POST", "/api/venues", host, venue.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private static ObjectNode firstPackage(ObjectNode venue) {
        return (ObjectNode) venue.withArray("packages").get(0);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private long venueRows() {
        return jdbc.sql("SELECT count(*) FROM venues").query(Long.class).single();
    }
}
