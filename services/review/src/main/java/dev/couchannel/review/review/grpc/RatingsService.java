package dev.couchannel.review.review.grpc;

import dev.couchannel.contracts.review.v1.GetRatingRequest;
import dev.couchannel.contracts.review.v1.Rating;
import dev.couchannel.contracts.review.v1.RatingsGrpc;
import dev.couchannel.review.review.VenueRating;
import dev.couchannel.review.review.application.ReviewQueries;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The gRPC read API of reviews ({@code contracts/proto/couchannel/review/v1/reviews.proto}): a
 * venue's rating for the BFF's session view, from the projection.
 */
@Service
class RatingsService extends RatingsGrpc.RatingsImplBase {

    private final ReviewQueries queries;

    RatingsService(ReviewQueries queries) {
        this.queries = queries;
    }

    @Override
    public void getRating(GetRatingRequest request, StreamObserver<Rating> response) {
        UUID venue;
        try {
            venue = UUID.fromString(request.getVenueId());
        } catch (IllegalArgumentException e) {
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("venue_id must be a UUID")
                    .asRuntimeException());
            return;
        }
        VenueRating rating = queries.rating(venue);
        response.onNext(Rating.newBuilder()
                .setVenueId(venue.toString())
                .setAverage(rating.average())
                .setCount(rating.count())
                .build());
        response.onCompleted();
    }
}
