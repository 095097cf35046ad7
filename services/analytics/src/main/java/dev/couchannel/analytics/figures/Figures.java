package dev.couchannel.analytics.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The figures of one period or one point of a series, as the dashboards show them.
 *
 * @param confirmed bookings confirmed
 * @param seats seats of those bookings
 * @param rejected bookings rejected
 * @param cancelled confirmed bookings cancelled
 * @param cancellationRate {@code cancelled / confirmed}, four decimals; null with no confirmation
 * @param cancelledBy cancellations by who cancelled them (GUEST, HOST, ADMIN, FIXTURE_POSTPONED)
 * @param revenue per currency, by currency code
 * @param occupancy of the sessions (not cancelled) whose kickoff falls in the period
 * @param nps the survey answers given in the period
 * @param packages bookings and seats by the streaming packages of their venues
 */
public record Figures(
        int confirmed,
        int seats,
        int rejected,
        int cancelled,
        @Nullable BigDecimal cancellationRate,
        Map<String, Integer> cancelledBy,
        List<Revenue> revenue,
        Occupancy occupancy,
        NpsFigures nps,
        List<PackageUsage> packages) {

    /**
     * Money of one currency: confirmed totals, refunds of cancellations and the difference, written
     * as the public API writes amounts ({@code "120.00"}).
     */
    public record Revenue(String currency, String gross, String refunds, String net) {}

    /** @param rate {@code sold / capacity}, four decimals; null without capacity */
    public record Occupancy(
            int sessions, int sold, int capacity, @Nullable BigDecimal rate) {}

    public record NpsFigures(
            int responses,
            int promoters,
            int passives,
            int detractors,
            @Nullable BigDecimal score) {
        static NpsFigures of(Nps nps) {
            return new NpsFigures(nps.responses(), nps.promoters(), nps.passives(), nps.detractors(), nps.score());
        }
    }

    public record PackageUsage(String provider, String licence, int bookings, int seats) {}
}
