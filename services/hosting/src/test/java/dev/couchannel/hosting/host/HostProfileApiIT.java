package dev.couchannel.hosting.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.hosting.RunningHosting;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Hosts write their public profile; anyone reads it by its public id, never the host's e-mail address. */
class HostProfileApiIT extends RunningHosting {

    @Autowired
    JdbcClient jdbc;

    final String host = "host-" + UUID.randomUUID() + "@example.com";

    static String profile(String name, String bio, String languages) {
        return "{\"displayName\":\"" + name + "\",\"bio\":\"" + bio + "\",\"languages\":" + languages + "}";
    }

    @Test
    void aHostWritesTheirProfileAndAnyoneReadsItWithoutTheirAddress() throws Exception {
        HttpResponse<String> venue = send("POST", "/api/venues", host, """
                {"name": "Spurs flat", "type": "HOME", "address": "12 Park Lane", "city": "London", "country": "GB",
                 "lat": 51.6, "lon": -0.07, "capacity": 6, "screens": 1, "largestScreenInches": 55, "speakers": 2,
                 "packages": [{"provider": "Sky", "licence": "RESIDENTIAL", "country": "GB"}]}
                """);
        assertThat(venue.statusCode()).as(venue.body()).isEqualTo(201);

        HttpResponse<String> created =
                send("PUT", "/api/hosts/me/profile", host, profile("  Tom  ", "Spurs, always.", "[\"en\",\"pl\"]"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode written = json(created);
        String id = written.path("id").asString();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/hosts/" + id);
        assertThat(written.path("displayName").asString()).isEqualTo("Tom");
        assertThat(written.path("languages").toString()).isEqualTo("[\"en\",\"pl\"]");
        assertThat(written.path("venues").asInt()).isEqualTo(1);

        HttpResponse<String> changed =
                send("PUT", "/api/hosts/me/profile", host, profile("Tom B.", "Spurs, always!", "[]"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(json(changed).path("id").asString()).isEqualTo(id);
        assertThat(json(changed).path("memberSince").asString())
                .isEqualTo(written.path("memberSince").asString());

        HttpResponse<String> anyone = send("GET", "/api/hosts/" + id, null, null);
        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(json(anyone).path("displayName").asString()).isEqualTo("Tom B.");
        assertThat(json(anyone).path("bio").asString()).isEqualTo("Spurs, always!");
        assertThat(anyone.body()).doesNotContain(host);
        assertThat(json(send("GET", "/api/hosts/me/profile", host, null))
                        .path("id")
                        .asString())
                .isEqualTo(id);
    }

    @Test
    void twoFirstWritesAtOnceMakeOneProfile() throws Exception {
        List<Callable<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Racer " + i;
            writes.add(() -> send("PUT", "/api/hosts/me/profile", host, profile(name, "", "[]"))
                    .statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : pool.invokeAll(writes)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(jdbc.sql("SELECT count(*) FROM host_profiles WHERE owner_id = :owner")
                        .param("owner", host)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badProfilesAreProblemsNamingTheFieldAndWriteNothing() throws Exception {
        List<String> bad = List.of(
                profile("", "", "[]"),
                profile("X", "", "[]"),
                profile("x".repeat(61), "", "[]"),
                profile("Tom", "b".repeat(1001), "[]"),
                profile("Tom", "", "[\"english\"]"),
                profile("Tom", "", "[\"xx\"]"),
                profile("Tom", "", "[\"en\",\"pl\",\"de\",\"fr\",\"es\",\"it\",\"nl\"]"),
                "{\"displayName\":",
                "[]");
        for (String body : bad) {
            HttpResponse<String> response = send("PUT", "/api/hosts/me/profile", host, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValue("application/problem+json");
        }
        assertThat(send("GET", "/api/hosts/me/profile", host, null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyHostsWriteProfilesAndUnknownOrMalformedIdsAreProblems() throws Exception {
        assertThat(send("PUT", "/api/hosts/me/profile", null, profile("Tom", "", "[]"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(send(
                                "PUT",
                                "/api/hosts/me/profile",
                                "guest-" + UUID.randomUUID() + "@example.com",
                                profile("Tom", "", "[]"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("GET", "/api/hosts/" + UUID.randomUUID(), null, null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> malformed = send("GET", "/api/hosts/not-a-uuid", null, null);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
