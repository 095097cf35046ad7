package dev.couchannel.identity.reputation.web;

import dev.couchannel.identity.reputation.Reputation;
import dev.couchannel.identity.reputation.application.ReputationQueries;
import dev.couchannel.platform.service.ApiProblem;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/users/{id}/reputation}: public, so counts and scores only, never an e-mail address. */
@RestController
class ReputationApi {

    private final ReputationQueries queries;

    ReputationApi(ReputationQueries queries) {
        this.queries = queries;
    }

    record RatingView(double average, int count, double weighted) {}

    record CancellationsView(int sessions, int cancelled, double reliability) {}

    record ResponsesView(
            int reviews, int repliedInTime, @Nullable Double medianReplyHours, double responsiveness) {}

    record HostView(double score, RatingView rating, CancellationsView cancellations, ResponsesView responses) {
        static HostView of(Reputation.Host host) {
            return new HostView(
                    host.score(),
                    new RatingView(host.ratingAverage(), host.ratingCount(), host.ratingWeighted()),
                    new CancellationsView(host.sessions(), host.sessionsCancelled(), host.reliability()),
                    new ResponsesView(
                            host.reviews(), host.repliedInTime(), host.medianReplyHours(), host.responsiveness()));
        }
    }

    record GuestView(double score, int attended, int noShows, double reliability) {
        static GuestView of(Reputation.Guest guest) {
            return new GuestView(guest.score(), guest.attended(), guest.noShows(), guest.reliability());
        }
    }

    record ReputationView(UUID userId, HostView host, GuestView guest) {}

    @GetMapping("/api/users/{id}/reputation")
    ReputationView reputation(@PathVariable UUID id) {
        return queries.ofUser(id)
                .map(answer -> new ReputationView(
                        id,
                        HostView.of(answer.reputation().host()),
                        GuestView.of(answer.reputation().guest())))
                .orElseThrow(() -> ApiProblem.notFound("user", id));
    }
}
