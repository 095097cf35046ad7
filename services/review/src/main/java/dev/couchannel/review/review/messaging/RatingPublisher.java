package dev.couchannel.review.review.messaging;

import dev.couchannel.contracts.Topics;
import dev.couchannel.contracts.WireTime;
import dev.couchannel.contracts.review.v1.RatingChanged;
import dev.couchannel.platform.messaging.Outbox;
import dev.couchannel.platform.messaging.ProtobufEvents;
import dev.couchannel.review.review.VenueRating;
import dev.couchannel.review.review.application.RatingChanges;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@code RatingChanged} through the outbox, keyed by venue id, so one venue's changes stay in order. */
@Component
class RatingPublisher implements RatingChanges {

    static final String SOURCE = "review";

    private final Outbox outbox;

    RatingPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(VenueRating rating, Instant at) {
        RatingChanged message = RatingChanged.newBuilder()
                .setVenueId(rating.venueId().toString())
                .setHostId(rating.hostId())
                .setAverage(rating.average())
                .setCount(rating.count())
                .setVersion(rating.version())
                .setAt(WireTime.of(at))
                .build();
        outbox.append(
                Topics.REVIEW_EVENTS,
                ProtobufEvents.wrap(SOURCE, rating.venueId().toString(), message, at));
    }
}
