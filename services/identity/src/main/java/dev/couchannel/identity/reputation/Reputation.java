package dev.couchannel.identity.reputation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A user's reputation as a host and as a guest, each score with the components it is made of
 * (ADR 20). Every ratio starts from a prior worth a few events, so a newcomer is neither a saint nor
 * sunk by one bad evening, and the facts take over as they accumulate.
 */
public record Reputation(Host host, Guest guest) {

    /** The rating a host is assumed to have before any review, and how many reviews that assumption is worth. */
    public static final double PRIOR_RATING = 4.0;

    public static final int PRIOR_RATING_WEIGHT = 5;

    /** The assumed share of sessions a host cancels (5 %), worth ten sessions. */
    public static final double PRIOR_CANCELLED = 0.5;

    public static final int PRIOR_SESSIONS = 10;

    /** The assumed share of reviews answered in time (half), worth four reviews. */
    public static final double PRIOR_REPLIED = 2;

    public static final int PRIOR_REVIEWS = 4;

    /** The assumed share of no-shows (5 %), worth ten bookings. */
    public static final double PRIOR_NO_SHOWS = 0.5;

    public static final int PRIOR_BOOKINGS = 10;

    /** A reply within this time counts as in time. */
    public static final Duration REPLY_WITHIN = Duration.ofHours(48);

    /** Weights of the host score's parts; they sum to 1. */
    public static final double RATING_WEIGHT = 0.60;

    public static final double RELIABILITY_WEIGHT = 0.25;
    public static final double RESPONSIVENESS_WEIGHT = 0.15;

    /**
     * @param score 0–100
     * @param ratingAverage the plain mean of the visible ratings (0 with none)
     * @param ratingWeighted the mean with the prior mixed in
     * @param reliability 0–1: the share of sessions not cancelled, with the prior
     * @param responsiveness 0–1: the share of reviews answered in time, with the prior
     */
    public record Host(
            double score,
            double ratingAverage,
            int ratingCount,
            double ratingWeighted,
            int sessions,
            int sessionsCancelled,
            double reliability,
            int reviews,
            int repliedInTime,
            @Nullable Double medianReplyHours,
            double responsiveness) {}

    /**
     * @param score 0–100
     * @param reliability 0–1: the share of bookings attended, with the prior
     */
    public record Guest(double score, int attended, int noShows, double reliability) {}

    /** The reputation these facts earn. */
    public static Reputation of(HostFacts host, GuestFacts guest) {
        return new Reputation(host(host), guest(guest));
    }

    static Host host(HostFacts facts) {
        double weighted =
                (PRIOR_RATING * PRIOR_RATING_WEIGHT + facts.ratingSum()) / (PRIOR_RATING_WEIGHT + facts.ratingCount());
        double reliability = 1 - (facts.sessionsCancelled() + PRIOR_CANCELLED) / (facts.sessions() + PRIOR_SESSIONS);
        double responsiveness = (facts.repliedInTime() + PRIOR_REPLIED) / (facts.reviewsDue() + PRIOR_REVIEWS);
        double score = 100
                * (RATING_WEIGHT * (weighted - 1) / 4
                        + RELIABILITY_WEIGHT * reliability
                        + RESPONSIVENESS_WEIGHT * responsiveness);
        return new Host(
                round(score, 1),
                facts.ratingCount() == 0 ? 0 : round(facts.ratingSum() / facts.ratingCount(), 2),
                facts.ratingCount(),
                round(weighted, 2),
                facts.sessions(),
                facts.sessionsCancelled(),
                round(reliability, 3),
                facts.reviewsDue(),
                facts.repliedInTime(),
                facts.medianReplyHours() == null ? null : round(facts.medianReplyHours(), 1),
                round(responsiveness, 3));
    }

    static Guest guest(GuestFacts facts) {
        double reliability =
                1 - (facts.noShows() + PRIOR_NO_SHOWS) / (facts.attended() + facts.noShows() + PRIOR_BOOKINGS);
        return new Guest(round(100 * reliability, 1), facts.attended(), facts.noShows(), round(reliability, 3));
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
