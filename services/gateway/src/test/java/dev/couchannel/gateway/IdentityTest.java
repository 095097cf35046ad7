package dev.couchannel.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest extends GatewayTestSupport {

    @Test
    void aCallerCannotClaimAnIdentityByHeader() throws Exception {
        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("X-Couchannel-User", "admin@example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BOOKING.nextRequest().headers("X-Couchannel-User")).isEmpty();
    }

    @Test
    void aLocalTokenBecomesTheUserHeaderOverAnyClaimedOne() throws Exception {
        HttpResponse<String> response =
                send("/api/bookings/b-1", request -> request.header("Authorization", "Bearer local:Guest@Example.com")
                        .header("X-Couchannel-User", "admin@example.com"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BOOKING.nextRequest().headers("X-Couchannel-User")).containsExactly("guest@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer local:not-an-email",
                "Bearer local:",
                "Bearer someone@example.com",
                "Bearer",
                "Basic Z3Vlc3Q6Y291Y2hhbm5lbA==",
                "Bearer local:guest@example.com,admin@example.com"
            })
    void refusesCredentialsItDoesNotAccept(String authorization) throws Exception {
        HttpResponse<String> response =
                send("/api/bookings", request -> request.header("Authorization", authorization));

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(BOOKING.receivedNothing()).isTrue();
    }
}
