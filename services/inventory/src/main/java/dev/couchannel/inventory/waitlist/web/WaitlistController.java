package dev.couchannel.inventory.waitlist.web;

import dev.couchannel.inventory.waitlist.application.JoinWaitlist;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A guest's place on a session's waitlist (contracts/openapi). Offers arrive as notifications. */
@RestController
class WaitlistController {

    private final JoinWaitlist waitlist;

    WaitlistController(JoinWaitlist waitlist) {
        this.waitlist = waitlist;
    }

    record JoinRequest(
            @NotNull(message = "seats is required: how many seats you want")
            @Min(value = 1, message = "seats must be between 1 and 20")
            @Max(value = 20, message = "seats must be between 1 and 20")
            Integer seats) {}

    record OfferView(UUID id, int seats, String status, Instant expiresAt) {}

    record PlaceView(
            UUID entryId,
            UUID sessionId,
            int seats,
            String status,
            @Nullable Integer position,
            Instant joinedAt,
            @Nullable OfferView offer) {

        static PlaceView of(JoinWaitlist.Place place) {
            return new PlaceView(
                    place.entry().id(),
                    place.entry().sessionId(),
                    place.entry().seats(),
                    place.entry().status().name(),
                    place.position(),
                    place.entry().joinedAt(),
                    place.offer() == null
                            ? null
                            : new OfferView(
                                    place.offer().id(),
                                    place.offer().seats(),
                                    place.offer().status().name(),
                                    place.offer().expiresAt()));
        }
    }

    @PostMapping("/api/sessions/{id}/waitlist")
    ResponseEntity<PlaceView> join(
            @PathVariable UUID id, @Valid @RequestBody JoinRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        URI me = URI.create("/api/sessions/" + id + "/waitlist/me");
        return switch (waitlist.join(id, caller.id(), body.seats())) {
            case JoinWaitlist.Outcome.Joined joined ->
                ResponseEntity.created(me).body(PlaceView.of(joined.place()));
            case JoinWaitlist.Outcome.AlreadyJoined already ->
                ResponseEntity.ok().location(me).body(PlaceView.of(already.place()));
            case JoinWaitlist.Outcome.NotFound notFound -> throw ApiProblem.notFound("session", id);
            case JoinWaitlist.Outcome.Refused refused -> throw ApiProblem.conflict(refused.reason());
        };
    }

    @GetMapping("/api/sessions/{id}/waitlist/me")
    PlaceView mine(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return waitlist.placeOf(id, caller.id()).map(PlaceView::of).orElseThrow(() -> notOnList(id));
    }

    @DeleteMapping("/api/sessions/{id}/waitlist")
    ResponseEntity<Void> leave(@PathVariable UUID id, HttpServletRequest http) {
        Caller caller = Caller.require(http);
        if (!waitlist.leave(id, caller.id())) {
            throw notOnList(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem notOnList(UUID id) {
        return new ApiProblem(
                HttpStatus.NOT_FOUND, "Not found", "You are not on the waitlist of session " + id + ".", Map.of());
    }
}
