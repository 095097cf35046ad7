package dev.couchannel.review.review.web;

import dev.couchannel.review.review.Review;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the review API; the domain checks the same bounds again. */
final class ReviewRequests {

    private ReviewRequests() {}

    /**
     * {@code POST /api/reviews}. The rating arrives as a number of any kind so that {@code 4.5} is
     * refused against its field rather than silently cut to 4.
     */
    record PostReview(
            @NotNull(message = "bookingId is required: the booking whose session you attended")
            UUID bookingId,

            @NotNull(message = "rating is required: 1 to 5 stars")
            @DecimalMin(value = "1", message = "rating must be between 1 and 5")
            @DecimalMax(value = "5", message = "rating must be between 1 and 5")
            @Digits(integer = 1, fraction = 0, message = "rating must be a whole number of stars, 1 to 5")
            BigDecimal rating,

            @NotBlank(message = "text is required: what was it like?")
            @Size(
                    min = Review.MIN_TEXT,
                    max = Review.MAX_TEXT,
                    message = "text must have between " + Review.MIN_TEXT + " and " + Review.MAX_TEXT + " characters")
            String text) {}

    /** {@code POST /api/reviews/{id}/reply}. */
    record Reply(
            @NotBlank(message = "text is required: your answer to the guest")
            @Size(max = Review.MAX_REPLY, message = "text must have at most " + Review.MAX_REPLY + " characters")
            String text) {}

    /** {@code POST /api/reviews/{id}/reports} and {@code POST /api/admin/reviews/{id}/hide}; the body is optional. */
    record Reason(
            @Size(max = Review.MAX_REASON, message = "reason must have at most " + Review.MAX_REASON + " characters")
            @Nullable
            String reason) {}
}
