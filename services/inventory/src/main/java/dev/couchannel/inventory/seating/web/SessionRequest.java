package dev.couchannel.inventory.seating.web;

import dev.couchannel.inventory.seating.application.PlanSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/sessions}. Ids and enums arrive as strings so that a wrong value is
 * reported against its field like any other mistake, instead of failing the whole body as
 * unreadable.
 */
record SessionRequest(
        @NotNull(message = "venueId is required: the id of one of your venues (GET /api/hosts/me/venues)")
        @Pattern(regexp = UUID_PATTERN, message = "venueId must be a UUID")
        String venueId,

        @NotNull(message = "fixtureId is required: the id of an upcoming fixture (GET /api/fixtures)")
        @Pattern(regexp = UUID_PATTERN, message = "fixtureId must be a UUID")
        String fixtureId,

        @NotNull(message = "seats is required: how many guests you take")
        @Min(value = 1, message = "seats must be at least 1")
        @Max(value = 2000, message = "seats must be at most the venue's capacity")
        Integer seats,

        @NotNull(message = "pricePerSeat is required, e.g. {\"amount\": \"12.50\", \"currency\": \"EUR\"}") @Valid
        MoneyRequest pricePerSeat,

        @NotNull(message = "refundPolicy is required: FLEXIBLE, MODERATE or STRICT")
        @Pattern(regexp = "FLEXIBLE|MODERATE|STRICT", message = "refundPolicy must be FLEXIBLE, MODERATE or STRICT")
        String refundPolicy,

        @Size(
                max = PlanSession.MAX_DESCRIPTION,
                message = "description must be at most " + PlanSession.MAX_DESCRIPTION + " characters")
        @Nullable
        String description) {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** Money as the API writes it: a decimal string with at most two decimals, an ISO 4217 code. */
    record MoneyRequest(
            @NotNull(message = "pricePerSeat.amount is required, e.g. \"12.50\"")
            @Pattern(
                    regexp = "[0-9]{1,8}(\\.[0-9]{1,2})?",
                    message = "pricePerSeat.amount must be a non-negative decimal with at most two decimals, "
                            + "e.g. \"12.50\"")
            String amount,

            @NotNull(message = "pricePerSeat.currency is required: an ISO 4217 code such as EUR")
            @Pattern(regexp = "[A-Z]{3}", message = "pricePerSeat.currency must be an ISO 4217 code such as EUR")
            String currency) {}

    /** Cancelling needs nothing; a reason helps the guests. */
    record CancelRequest(
            @Size(max = 500, message = "reason must be at most 500 characters") @Nullable
            String reason) {}
}
