package dev.couchannel.identity.reputation;

import org.jspecify.annotations.Nullable;

/**
 * What other services' events told identity about a host, summed over their venues and sessions.
 *
 * @param ratingSum sum of the visible ratings over all the host's venues (each venue's average × count)
 * @param ratingCount how many visible ratings
 * @param sessions sessions published (and cancelled ones seen without their publication)
 * @param sessionsCancelled of them, cancelled by the host or an admin (a postponed fixture is nobody's fault)
 * @param reviewsDue reviews that were answered or whose reply window has passed
 * @param repliedInTime of them, answered within the reply window
 * @param medianReplyHours median time from a review to its reply, null before the first reply
 */
public record HostFacts(
        double ratingSum,
        int ratingCount,
        int sessions,
        int sessionsCancelled,
        int reviewsDue,
        int repliedInTime,
        @Nullable Double medianReplyHours) {

    /** Someone nothing is known about yet. */
    public static final HostFacts NONE = new HostFacts(0, 0, 0, 0, 0, 0, null);
}
