package dev.couchannel.review.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.couchannel.contracts.review.v1.GetRatingRequest;
import dev.couchannel.contracts.review.v1.Rating;
import dev.couchannel.contracts.review.v1.RatingsGrpc;
import dev.couchannel.platform.testing.TestTokens;
import dev.couchannel.review.RunningReview;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/** {@code Ratings.GetRating} as the gateway's BFF calls it, with a service token. */
class RatingsGrpcIT extends RunningReview {

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

    RatingsGrpc.RatingsBlockingStub ratings() {
        return RatingsGrpc.newBlockingStub(channel)
                .withCallCredentials(TestTokens.serviceCredentials())
                .withDeadlineAfter(5, TimeUnit.SECONDS);
    }

    static GetRatingRequest of(String venue) {
        return GetRatingRequest.newBuilder().setVenueId(venue).build();
    }

    @Test
    void aVenuesRatingIsTheMeanOfItsVisibleReviews() throws Exception {
        String venue = UUID.randomUUID().toString();
        String host = host();
        review(attendedAndOver(venue, host), 5, "Superb.");
        review(attendedAndOver(venue, host), 4, "Very good.");
        String hidden = review(attendedAndOver(venue, host), 1, "Spam spam spam.")
                .path("id")
                .asString();
        assertThat(ratings().getRating(of(venue)).getCount()).isEqualTo(3);

        send("POST", "/api/admin/reviews/" + hidden + "/hide", "admin@example.com", null);

        Rating rating = ratings().getRating(of(venue));
        assertThat(rating.getVenueId()).isEqualTo(venue);
        assertThat(rating.getCount()).isEqualTo(2);
        assertThat(rating.getAverage()).isEqualTo(4.5);
    }

    @Test
    void aVenueNobodyReviewedHasCountZero() {
        Rating rating = ratings().getRating(of(UUID.randomUUID().toString()));

        assertThat(rating.getCount()).isZero();
        assertThat(rating.getAverage()).isZero();
    }

    @Test
    void aMalformedIdIsAnInvalidArgumentAndACallWithoutATokenIsRefused() {
        assertThatThrownBy(() -> ratings().getRating(of("not-a-uuid")))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
        assertThatThrownBy(() -> RatingsGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getRating(of(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED));
    }
}
