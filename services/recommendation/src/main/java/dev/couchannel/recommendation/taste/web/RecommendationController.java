package dev.couchannel.recommendation.taste.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import dev.couchannel.recommendation.taste.Candidate;
import dev.couchannel.recommendation.taste.Facts;
import dev.couchannel.recommendation.taste.Reason;
import dev.couchannel.recommendation.taste.Recommendation;
import dev.couchannel.recommendation.taste.application.Recommendations;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me/recommendations} (contracts/openapi, tag {@code recommendation}). */
@RestController
class RecommendationController {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    private final Recommendations recommendations;

    RecommendationController(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    record RecommendationsView(List<SessionView> sessions) {}

    record SessionView(
            String sessionId,
            String venueId,
            String host,
            @Nullable String competition,
            @Nullable String homeTeam,
            @Nullable String awayTeam,
            Instant kickoff,
            @Nullable Integer seatsLeft,
            List<ReasonView> reasons) {

        static SessionView of(Recommendation recommendation) {
            Candidate candidate = recommendation.candidate();
            return new SessionView(
                    candidate.session().id(),
                    candidate.session().venueId(),
                    candidate.session().host(),
                    candidate.session().competition(),
                    candidate.session().homeTeam(),
                    candidate.session().awayTeam(),
                    candidate.session().kickoff(),
                    candidate.seatsLeft(),
                    recommendation.reasons().stream().map(ReasonView::of).toList());
        }
    }

    /** A reason as the contract writes it: its {@code kind} and only the fields of that kind. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReasonView(
            String kind,
            @Nullable String team,
            @Nullable String host,
            @Nullable String bookedWith,
            @Nullable Integer bookings,
            @Nullable Integer guests,
            @Nullable Integer seats,
            @Nullable Double distanceKm) {

        static ReasonView of(Reason reason) {
            return switch (reason) {
                case Reason.FavouriteTeam r ->
                    new ReasonView("FAVOURITE_TEAM", r.team(), null, null, r.bookings(), null, null, null);
                case Reason.FavouriteHost r ->
                    new ReasonView("FAVOURITE_HOST", null, r.host(), null, r.bookings(), null, null, null);
                case Reason.CoBooked r ->
                    new ReasonView("CO_BOOKED", null, r.host(), r.bookedWith(), null, r.guests(), null, null);
                case Reason.Popular r ->
                    new ReasonView("POPULAR", null, null, null, r.bookings(), null, r.seats(), null);
                case Reason.Nearby r -> new ReasonView("NEARBY", null, null, null, null, null, null, r.kilometres());
            };
        }
    }

    @GetMapping("/api/me/recommendations")
    RecommendationsView recommendations(
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String lat,
            @RequestParam(required = false) @Nullable String lon,
            HttpServletRequest http) {
        Caller caller = Caller.require(http);
        List<FieldProblem> problems = new ArrayList<>();
        int max = limit(limit, problems);
        Double latitude = degrees("lat", lat, 90, problems);
        Double longitude = degrees("lon", lon, 180, problems);
        if ((latitude == null) != (longitude == null) && problems.isEmpty()) {
            problems.add(new FieldProblem(
                    latitude == null ? "lat" : "lon", "give 'lat' and 'lon' together (WGS 84 degrees), or neither"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems);
        }
        Recommendations.Point near =
                latitude == null || longitude == null ? null : new Recommendations.Point(latitude, longitude);
        try {
            return new RecommendationsView(recommendations.forGuest(caller.id(), near, max).stream()
                    .map(SessionView::of)
                    .toList());
        } catch (Facts.NotReady e) {
            throw new ApiProblem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Warming up",
                    "Recommendations are being rebuilt from the event log; try again in a few seconds.",
                    Map.of());
        }
    }

    private static int limit(@Nullable String value, List<FieldProblem> problems) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(
                new FieldProblem("limit", "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + value + "'"));
        return DEFAULT_LIMIT;
    }

    private static @Nullable Double degrees(
            String name, @Nullable String value, double bound, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            double degrees = Double.parseDouble(value.strip());
            if (Double.isFinite(degrees) && degrees >= -bound && degrees <= bound) {
                return degrees;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new FieldProblem(
                name, "must be a number of degrees from " + -bound + " to " + bound + ", was '" + value + "'"));
        return null;
    }
}
