package dev.couchannel.review.review;

import java.util.Optional;
import java.util.UUID;

/** The booking and session facts this service keeps from other services' events. */
public interface Attendances {

    /** What is known of a booking and its session. */
    Optional<Attendance> of(UUID bookingId);
}
