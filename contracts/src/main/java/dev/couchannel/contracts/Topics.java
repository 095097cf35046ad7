package dev.couchannel.contracts;

/**
 * Kafka topic names. Stable strings, documented in {@code contracts/asyncapi/couchannel.yaml};
 * renaming one is a breaking change.
 */
public final class Topics {

    /** Seat commands for inventory ({@code couchannel.inventory.v1.HoldSeats} ...), key = session id. */
    public static final String INVENTORY_COMMANDS = "couchannel.inventory.commands";

    /** Inventory events ({@code SeatAvailabilityChanged}, {@code HoldExpired}), key = session id. */
    public static final String INVENTORY_EVENTS = "couchannel.inventory.events";

    /** Payment commands ({@code couchannel.payment.v1.AuthorizePayment} ...), key = booking id. */
    public static final String PAYMENT_COMMANDS = "couchannel.payment.commands";

    /** Pricing commands ({@code couchannel.pricing.v1.ConfirmQuote} ...), key = booking id. */
    public static final String PRICING_COMMANDS = "couchannel.pricing.commands";

    /** Compliance commands ({@code couchannel.compliance.v1.CheckBooking}), key = booking id. */
    public static final String COMPLIANCE_COMMANDS = "couchannel.compliance.commands";

    /** Participants' replies to the booking saga, key = booking id. */
    public static final String BOOKING_REPLIES = "couchannel.booking.replies";

    /** Booking events ({@code BookingConfirmed} ...), key = booking id. */
    public static final String BOOKING_EVENTS = "couchannel.booking.events";

    /** Hosting events ({@code VenueRegistered}, {@code VenueChanged}), key = venue id. */
    public static final String HOSTING_EVENTS = "couchannel.hosting.events";

    /** Audit events ({@code couchannel.audit.v1.AuditRecorded}) of every service, key = the subject acted on. */
    public static final String AUDIT_EVENTS = "couchannel.audit.events";

    /** Review events ({@code couchannel.review.v1.RatingChanged}), key = venue id. */
    public static final String REVIEW_EVENTS = "couchannel.review.events";

    /** Payment events ({@code couchannel.payment.v1.HostPaidOut}), key = host id. */
    public static final String PAYMENT_EVENTS = "couchannel.payment.events";

    /** Analytics events ({@code couchannel.analytics.v1.NpsSurveyRequested}), key = booking id. */
    public static final String ANALYTICS_EVENTS = "couchannel.analytics.events";

    private Topics() {}
}
