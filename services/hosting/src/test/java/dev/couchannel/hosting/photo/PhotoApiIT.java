package dev.couchannel.hosting.photo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.couchannel.hosting.RunningHosting;
import dev.couchannel.platform.embedded.S3Server;
import dev.couchannel.platform.testing.TestInfrastructure;
import dev.couchannel.platform.testing.TestTokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Venue photos end to end against the real local S3 server and PostgreSQL: what is stored, served and refused. */
class PhotoApiIT extends RunningHosting {

    private static final String BUCKET = "couchannel-photos";
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private static S3Client s3;

    @Autowired
    JdbcClient jdbc;

    /** A host of its own for each test, so tests do not see each other's venues. */
    final String host = "host-" + UUID.randomUUID() + "@example.com";

    @BeforeAll
    static void storageClient() {
        S3Server server = TestInfrastructure.get().s3();
        s3 = S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void closeStorageClient() {
        s3.close();
    }

    @Test
    void aHostUploadsAPhotoThatAnyoneListsAndFetchesUntilItIsDeleted() throws Exception {
        String venue = venueOf(host);
        byte[] jpeg = PhotoFixtures.jpeg();

        HttpResponse<String> uploaded = upload(venue, host, "image/jpeg", jpeg);

        assertThat(uploaded.statusCode()).isEqualTo(201);
        JsonNode photo = json(uploaded);
        String url = photo.path("url").asString();
        assertThat(url)
                .isEqualTo(
                        "/api/venues/" + venue + "/photos/" + photo.path("id").asString());
        assertThat(uploaded.headers().firstValue("Location")).hasValue(url);
        assertThat(photo.path("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(photo.path("sizeBytes").asLong()).isEqualTo(jpeg.length);
        assertThat(objectsOf(venue)).hasSize(1);

        JsonNode listed = json(send("GET", "/api/venues/" + venue + "/photos", null, null));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("url").asString()).isEqualTo(url);

        HttpResponse<byte[]> fetched = fetch(url, null);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(jpeg);
        assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(fetched.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("public", "immutable"));
        String etag = fetched.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = fetch(url, etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertThat(send("DELETE", url, "guest-" + UUID.randomUUID() + "@example.com", null)
                        .statusCode())
                .isEqualTo(403);
        assertThat(send("DELETE", url, "other-" + UUID.randomUUID() + "@example.com", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(send("DELETE", url, host, null).statusCode()).isEqualTo(204);

        assertThat(json(send("GET", "/api/venues/" + venue + "/photos", null, null)))
                .isEmpty();
        assertProblem(send("GET", url, null, null), 404);
        assertThat(objectsOf(venue)).isEmpty();
        assertThat(rowsOf(venue)).isZero();
    }

    @Test
    void anAdminMayAddAndRemoveAHostsPhotos() throws Exception {
        String venue = venueOf(host);

        HttpResponse<String> uploaded = upload(venue, "admin@example.com", "image/png", PhotoFixtures.png());
        String url = json(uploaded).path("url").asString();

        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(fetch(url, null).body()).isEqualTo(PhotoFixtures.png());
        assertThat(send("DELETE", url, "admin@example.com", null).statusCode()).isEqualTo(204);
        assertThat(objectsOf(venue)).isEmpty();
    }

    @Test
    void badUploadsAreProblemsAndLeaveNothingBehind() throws Exception {
        String venue = venueOf(host);
        String otherHostsVenue = venueOf("other-" + UUID.randomUUID() + "@example.com");
        byte[] tooLarge = new byte[MAX_BYTES + 1];
        System.arraycopy(PhotoFixtures.jpeg(), 0, tooLarge, 0, 3);
        record Case(String what, String venue, String caller, String contentType, byte[] body, int status) {}
        List<Case> cases = List.of(
                new Case("a PDF sent as a JPEG", venue, host, "image/jpeg", PhotoFixtures.pdf(), 415),
                new Case(
                        "text named .jpg",
                        venue,
                        host,
                        "image/jpeg",
                        "holiday.jpg: not a photo".getBytes(StandardCharsets.UTF_8),
                        415),
                new Case("a PDF as what it is", venue, host, "application/pdf", PhotoFixtures.pdf(), 415),
                new Case("a PNG sent as a JPEG", venue, host, "image/jpeg", PhotoFixtures.png(), 415),
                new Case("a multipart form", venue, host, "multipart/form-data; boundary=x", PhotoFixtures.png(), 415),
                new Case("an empty body", venue, host, "image/jpeg", new byte[0], 400),
                new Case("one byte over the limit", venue, host, "image/jpeg", tooLarge, 413),
                new Case("an unknown venue", UUID.randomUUID().toString(), host, "image/png", PhotoFixtures.png(), 404),
                new Case("another host's venue", otherHostsVenue, host, "image/png", PhotoFixtures.png(), 404),
                new Case(
                        "a guest",
                        venue,
                        "guest-" + UUID.randomUUID() + "@example.com",
                        "image/png",
                        PhotoFixtures.png(),
                        403));

        for (Case bad : cases) {
            HttpResponse<String> response = upload(bad.venue(), bad.caller(), bad.contentType(), bad.body());

            assertProblem(response, bad.status(), bad.what());
        }
        assertThat(rowsOf(venue)).isZero();
        assertThat(objectsOf(venue)).isEmpty();
        assertThat(rowsOf(otherHostsVenue)).isZero();
        assertThat(objectsOf(otherHostsVenue)).isEmpty();
    }

    @Test
    void aFiftyMegabyteUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
        String venue = venueOf(host);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/venues/" + venue + "/photos HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + TestTokens.bearer(host) + "\r\n"
                            + "Content-Type: image/jpeg\r\nContent-Length: " + 50L * 1024 * 1024 + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(PhotoFixtures.jpeg()); // a start, and not a byte more: the answer must not wait for the rest
            out.flush();

            List<String> head = responseHead(socket);

            assertThat(head.getFirst()).startsWith("HTTP/1.1 413");
            assertThat(head).anySatisfy(line -> assertThat(line.toLowerCase())
                    .startsWith("content-type: application/problem+json"));
        }
        assertThat(rowsOf(venue)).isZero();
        assertThat(objectsOf(venue)).isEmpty();
    }

    @Test
    void aFiftyMegabyteChunkedUploadIsCutOffAtTheLimit() throws Exception {
        String venue = venueOf(host);
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/venues/" + venue + "/photos HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + TestTokens.bearer(host) + "\r\n"
                            + "Content-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < 50L * 1024 * 1024) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByTheServer) {
                    // expected: the server stops reading once the limit is passed
                }
            });

            List<String> head = responseHead(socket);

            assertThat(head.getFirst()).startsWith("HTTP/1.1 413");
            socket.close();
            sender.join();
        }
        assertThat(sent.get()).isLessThan(50L * 1024 * 1024);
        assertThat(rowsOf(venue)).isZero();
        assertThat(objectsOf(venue)).isEmpty();
    }

    @Test
    void aVenueTakesAtMostTwentyPhotos() throws Exception {
        String venue = venueOf(host);
        for (int i = 0; i < 20; i++) {
            assertThat(upload(venue, host, "image/webp", PhotoFixtures.webp()).statusCode())
                    .isEqualTo(201);
        }

        assertProblem(upload(venue, host, "image/webp", PhotoFixtures.webp()), 409, "the 21st photo");
        assertThat(rowsOf(venue)).isEqualTo(20);
        assertThat(objectsOf(venue)).hasSize(20);
    }

    @Test
    void photosOfAnUnknownVenueAreNotFound() throws Exception {
        assertProblem(send("GET", "/api/venues/" + UUID.randomUUID() + "/photos", null, null), 404);
        assertProblem(
                send("GET", "/api/venues/" + UUID.randomUUID() + "/photos/" + UUID.randomUUID(), null, null), 404);
    }

    private String venueOf(String hostId) throws Exception {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "The Corner Bar")
                .put("type", "COMMERCIAL")
                .put("address", "1 Market Street")
                .put("city", "Manchester")
                .put("country", "GB")
                .put("lat", 53.4808)
                .put("lon", -2.2426)
                .put("capacity", 40)
                .put("screens", 3)
                .put("largestScreenInches", 85)
                .put("speakers", 6);
        body.putArray("packages");
        HttpResponse<String> created = send("POST", "/api/venues", hostId, body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).path("id").asString();
    }

    private HttpResponse<String> upload(String venue, String caller, String contentType, byte[] body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/venues/" + venue + "/photos"))
                        .header("Authorization", TestTokens.bearer(caller))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> fetch(String path, @Nullable String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int rowsOf(String venue) {
        return jdbc.sql("SELECT count(*) FROM venue_photos WHERE venue_id = :venue")
                .param("venue", UUID.fromString(venue))
                .query(Integer.class)
                .single();
    }

    private static List<String> objectsOf(String venue) {
        try {
            return s3
                    .listObjectsV2(request -> request.bucket(BUCKET).prefix("venues/" + venue + "/"))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();
        } catch (NoSuchBucketException nothingStoredYet) {
            return List.of();
        }
    }

    private static List<String> responseHead(Socket socket) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        assertThat(lines).as("a response head").isNotEmpty();
        return lines;
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertProblem(response, status, "");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(json(response).path("detail").asString()).as(what).isNotBlank();
    }
}
