package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Venue photos through the gateway: larger bodies on the upload path only, public caching of the images. */
class VenuePhotoRoutingTest extends GatewayTestSupport {

    private static final String PHOTOS = "/api/venues/7d0a4c57-0f3c-4f57-8a43-2b1a4c1e9e01/photos";

    @Test
    void passesAPhotoLargerThanAJsonBodyOnToHosting() throws Exception {
        HOSTING.answer(exchange -> FakeService.respond(exchange, 201, "application/json", "{}"));
        byte[] photo = new byte[3 * 1024 * 1024];
        Arrays.fill(photo, (byte) 7);

        HttpResponse<String> response = upload(PHOTOS, Tokens.host("host@example.com"), photo);

        assertThat(response.statusCode()).isEqualTo(201);
        FakeService.Received received = HOSTING.nextRequest();
        assertThat(received.body()).isEqualTo(photo);
        assertThat(received.header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void refusesPhotosAboveTheLimitAndLargeBodiesElsewhere() throws Exception {
        HttpResponse<String> tooLarge = upload(PHOTOS, Tokens.host("host@example.com"), new byte[5 * 1024 * 1024 + 1]);
        HttpResponse<String> largeJson =
                upload("/api/venues", Tokens.host("host@example.com"), new byte[2 * 1024 * 1024]);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(largeJson.statusCode()).isEqualTo(413);
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void onlyHostsAndAdminsUpload() throws Exception {
        HttpResponse<String> guest = upload(PHOTOS, Tokens.guest("guest@example.com"), new byte[] {1});
        HttpResponse<String> anonymous =
                send(PHOTOS, request -> request.POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(HOSTING.receivedNothing()).isTrue();
    }

    @Test
    void letsAPhotoBeCachedPubliclyWhileOtherAnswersStayUncached() throws Exception {
        HOSTING.answer(exchange -> {
            // Spring's CacheControl writes max-age first
            exchange.getResponseHeaders().add("Cache-Control", "max-age=31536000, public, immutable");
            FakeService.respond(exchange, 200, "image/png", "png bytes");
        });

        HttpResponse<String> photo = get(PHOTOS + "/2b6f7f0e-5a7c-4f0b-9d87-0f1b3f0c2d44");

        assertThat(photo.statusCode()).isEqualTo(200);
        assertThat(photo.headers().allValues("Cache-Control")).containsExactly("max-age=31536000, public, immutable");
        assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private HttpResponse<String> upload(String path, String token, byte[] body) throws Exception {
        return send(path, request -> request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
