package dev.couchannel.review.review.web;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.review.review.Decision;
import dev.couchannel.review.review.Review;
import dev.couchannel.review.review.ReviewStreams;
import dev.couchannel.review.review.VenueRating;
import dev.couchannel.review.review.application.RebuildProjections;
import dev.couchannel.review.review.application.ReviewCommands;
import dev.couchannel.review.review.application.ReviewCommands.Result;
import dev.couchannel.review.review.application.ReviewQueries;
import dev.couchannel.review.review.application.ReviewQueries.ReviewPage;
import dev.couchannel.review.review.application.ReviewQueries.ReviewSummary;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review API (contracts/openapi): post, read, reply, report, and the admins' moderation. */
@RestController
class ReviewController {

    private final ReviewCommands commands;
    private final ReviewQueries queries;
    private final RebuildProjections rebuild;

    ReviewController(ReviewCommands commands, ReviewQueries queries, RebuildProjections rebuild) {
        this.commands = commands;
        this.queries = queries;
        this.rebuild = rebuild;
    }

    record RatingView(double average, int count) {
        static RatingView of(VenueRating rating) {
            return new RatingView(rating.average(), rating.count());
        }
    }

    record VenueReviews(UUID venueId, RatingView rating, List<ReviewView> items, long total, int page, int size) {}

    record Rebuilt(long events) {}

    @PostMapping("/api/reviews")
    ResponseEntity<ReviewView> post(@Valid @RequestBody ReviewRequests.PostReview body, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        Review review =
                done(commands.post(body.bookingId(), caller.id(), body.rating().intValueExact(), body.text()), null);
        return ResponseEntity.created(URI.create("/api/reviews/" + review.id())).body(ReviewView.fullOf(review));
    }

    @GetMapping("/api/reviews/{id}")
    ReviewView get(@PathVariable UUID id, HttpServletRequest http) {
        Optional<Caller> caller = Caller.optional(http);
        ReviewSummary review = queries.review(id).orElseThrow(() -> ApiProblem.notFound("review", id));
        boolean privileged = caller.filter(c -> c.isAdmin() || c.id().equals(review.guestId()))
                .isPresent();
        if (privileged) {
            return ReviewView.fullOf(review);
        }
        if (review.hidden()) {
            throw ApiProblem.notFound("review", id);
        }
        return ReviewView.publicOf(review);
    }

    @GetMapping("/api/venues/{venueId}/reviews")
    VenueReviews ofVenue(
            @PathVariable UUID venueId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "page starts at 0") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "size must be between 1 and 100")
                    @Max(value = 100, message = "size must be between 1 and 100")
                    int size) {
        ReviewPage found = queries.visibleOfVenue(venueId, page, size);
        return new VenueReviews(
                venueId,
                RatingView.of(queries.rating(venueId)),
                found.items().stream().map(ReviewView::publicOf).toList(),
                found.total(),
                page,
                size);
    }

    @PostMapping("/api/reviews/{id}/reply")
    ReviewView reply(@PathVariable UUID id, @Valid @RequestBody ReviewRequests.Reply body, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("reply to reviews", Caller.HOST);
        return ReviewView.publicOf(summaryOf(done(commands.reply(id, caller.id(), body.text()), id)));
    }

    @PostMapping("/api/reviews/{id}/reports")
    ResponseEntity<Void> report(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ReviewRequests.@Nullable Reason body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http);
        done(commands.report(id, caller.id(), body == null ? null : body.reason()), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/admin/reviews/{id}/hide")
    ReviewView hide(
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) ReviewRequests.@Nullable Reason body,
            HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("hide reviews", Caller.ADMIN);
        return ReviewView.fullOf(done(commands.hide(id, caller.id(), body == null ? null : body.reason()), id));
    }

    @PostMapping("/api/admin/reviews/{id}/restore")
    ReviewView restore(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("restore reviews", Caller.ADMIN);
        return ReviewView.fullOf(done(commands.restore(id, caller.id()), id));
    }

    @GetMapping("/api/admin/reviews/reported")
    List<ReviewView> reported(HttpServletRequest http) {
        Caller.require(http).requireRole("moderate reviews", Caller.ADMIN);
        return queries.reported(100).stream().map(ReviewView::fullOf).toList();
    }

    @PostMapping("/api/admin/reviews/rebuild")
    Rebuilt rebuild(HttpServletRequest http) {
        Caller.require(http).requireRole("rebuild review projections", Caller.ADMIN);
        return new Rebuilt(rebuild.rebuild());
    }

    private ReviewSummary summaryOf(Review review) {
        return queries.review(review.id()).orElseThrow(() -> ApiProblem.notFound("review", review.id()));
    }

    /** The review a command left, or the problem it was refused with. */
    private static Review done(Result result, @Nullable UUID id) {
        return switch (result) {
            case Result.Done(Review review) -> review;
            case Result.Missing() -> throw ApiProblem.notFound("review", id);
            case Result.Refused(Decision.Refused refused) -> throw problem(refused);
        };
    }

    private static ApiProblem problem(Decision.Refused refused) {
        return switch (refused.refusal()) {
            case INVALID -> ApiProblem.invalidField(String.valueOf(refused.field()), refused.detail());
            case NOT_ATTENDED -> new ApiProblem(HttpStatus.NOT_FOUND, "Not found", refused.detail(), Map.of());
            case NOT_ALLOWED -> new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", refused.detail(), Map.of());
            case CANCELLED, TOO_EARLY, FACTS_PENDING, ALREADY_DONE ->
                new ApiProblem(
                        HttpStatus.CONFLICT,
                        "Conflict",
                        refused.detail(),
                        Map.of("reason", refused.refusal().name()));
        };
    }

    /** Two writers raced on one review: the loser changed nothing and may simply try again. */
    @ExceptionHandler(ReviewStreams.ConcurrentChange.class)
    ResponseEntity<org.springframework.http.ProblemDetail> concurrent(ReviewStreams.ConcurrentChange e) {
        ApiProblem problem = ApiProblem.conflict(
                "The review changed at the same time (or the booking was reviewed a moment ago); reload and try again.");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem.toProblemDetail());
    }
}
