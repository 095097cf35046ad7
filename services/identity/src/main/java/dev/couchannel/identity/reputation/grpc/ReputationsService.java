package dev.couchannel.identity.reputation.grpc;

import dev.couchannel.contracts.identity.v1.GetReputationRequest;
import dev.couchannel.contracts.identity.v1.GuestReputation;
import dev.couchannel.contracts.identity.v1.HostReputation;
import dev.couchannel.contracts.identity.v1.ReputationsGrpc;
import dev.couchannel.identity.reputation.Reputation;
import dev.couchannel.identity.reputation.application.ReputationQueries;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gRPC read API of reputation ({@code contracts/proto/couchannel/identity/v1/reputation.proto}),
 * for the BFF's session view. Callers need a service token (scope {@code internal}), checked by the
 * platform's server interceptor like every gRPC server's.
 */
@Service
class ReputationsService extends ReputationsGrpc.ReputationsImplBase {

    private final ReputationQueries queries;

    ReputationsService(ReputationQueries queries) {
        this.queries = queries;
    }

    @Override
    public void getReputation(
            GetReputationRequest request, StreamObserver<dev.couchannel.contracts.identity.v1.Reputation> response) {
        String user = request.getUser().strip();
        if (user.isEmpty() || user.length() > 320) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("user must be an e-mail address or a user id")
                    .asRuntimeException());
            return;
        }
        Optional<ReputationQueries.Answer> answer =
                asUuid(user).map(queries::ofUser).orElseGet(() -> Optional.of(queries.ofEmail(user)));
        if (answer.isEmpty()) {
            response.onError(
                    Status.NOT_FOUND.withDescription("no user has that id").asRuntimeException());
            return;
        }
        response.onNext(wire(answer.get()));
        response.onCompleted();
    }

    private static Optional<UUID> asUuid(String user) {
        if (user.contains("@")) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(user));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static dev.couchannel.contracts.identity.v1.Reputation wire(ReputationQueries.Answer answer) {
        Reputation.Host host = answer.reputation().host();
        Reputation.Guest guest = answer.reputation().guest();
        HostReputation.Builder hostWire = HostReputation.newBuilder()
                .setScore(host.score())
                .setRatingAverage(host.ratingAverage())
                .setRatingCount(host.ratingCount())
                .setRatingWeighted(host.ratingWeighted())
                .setSessions(host.sessions())
                .setSessionsCancelled(host.sessionsCancelled())
                .setReliability(host.reliability())
                .setReviews(host.reviews())
                .setRepliedInTime(host.repliedInTime())
                .setResponsiveness(host.responsiveness());
        if (host.medianReplyHours() != null) {
            hostWire.setMedianReplyHours(host.medianReplyHours());
        }
        return dev.couchannel.contracts.identity.v1.Reputation.newBuilder()
                .setUserId(answer.userId().map(UUID::toString).orElse(""))
                .setHost(hostWire)
                .setGuest(GuestReputation.newBuilder()
                        .setScore(guest.score())
                        .setAttended(guest.attended())
                        .setNoShows(guest.noShows())
                        .setReliability(guest.reliability()))
                .build();
    }
}
