package dev.couchannel.identity.reputation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.contracts.identity.v1.GetReputationRequest;
import dev.couchannel.contracts.identity.v1.Reputation;
import dev.couchannel.contracts.identity.v1.ReputationsGrpc;
import dev.couchannel.identity.IdentityTest;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** {@code Reputations.GetReputation} as the gateway's BFF calls it: with a service token of identity's own. */
class ReputationGrpcIT extends IdentityTest {

    @Autowired
    GrpcServerLifecycle grpc;

    ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = ManagedChannelBuilder.forAddress("localhost", grpc.getPort())
                .usePlaintext()
                .build();
    }

    @AfterEach
    void disconnect() {
        channel.shutdownNow();
    }

    @Test
    void aServiceGetsTheNewcomersReputationOfSomeoneNothingIsKnownAbout() {
        Reputation reputation = reputations(bearer(serviceToken())).getReputation(of("Host@Example.com"));

        // the demo host has an account: its id, never its address
        assertThat(reputation.getUserId()).isNotEmpty();
        assertThat(UUID.fromString(reputation.getUserId())).isNotNull();
        assertThat(reputation.getHost().getScore()).isEqualTo(76.3);
        assertThat(reputation.getHost().getRatingWeighted()).isEqualTo(4.0);
        assertThat(reputation.getHost().hasMedianReplyHours()).isFalse();
        assertThat(reputation.getGuest().getScore()).isEqualTo(95.0);

        Reputation byId = reputations(bearer(serviceToken())).getReputation(of(reputation.getUserId()));
        assertThat(byId).isEqualTo(reputation);

        Reputation noAccount =
                reputations(bearer(serviceToken())).getReputation(of("nobody-" + UUID.randomUUID() + "@example.com"));
        assertThat(noAccount.getUserId()).isEmpty();
        assertThat(noAccount.getHost().getScore()).isEqualTo(76.3);
    }

    @Test
    void withoutATokenItIsUnauthenticatedAndAUsersTokenIsNotAServices() {
        assertThatThrownBy(() -> ReputationsGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getReputation(of("host@example.com")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> reputations(bearer("not.a.token")).getReputation(of("host@example.com")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
        assertThatThrownBy(() -> reputations(bearer(localToken("guest@example.com", null)))
                        .getReputation(of("host@example.com")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void anEmptyUserIsAnInvalidArgumentAndAnUnknownIdNotFound() {
        assertThatThrownBy(() -> reputations(bearer(serviceToken())).getReputation(of(" ")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> reputations(bearer(serviceToken()))
                        .getReputation(of(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND));
    }

    private ReputationsGrpc.ReputationsBlockingStub reputations(CallCredentials credentials) {
        return ReputationsGrpc.newBlockingStub(channel)
                .withCallCredentials(credentials)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    private static GetReputationRequest of(String user) {
        return GetReputationRequest.newBuilder().setUser(user).build();
    }

    /** The gateway's client-credentials token, from identity itself. */
    private String serviceToken() {
        HttpResponse<String> response = browser()
                .postForm(
                        "/oauth2/token",
                        Map.of("grant_type", "client_credentials", "scope", "internal"),
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("svc-gateway:local-svc-gateway-secret".getBytes()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("access_token").asString();
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }
}
