package dev.couchannel.hosting.venue.web;

import dev.couchannel.hosting.venue.InvalidVenue;
import dev.couchannel.hosting.venue.Venue;
import dev.couchannel.hosting.venue.VenueDetails;
import dev.couchannel.hosting.venue.VenueType;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.hosting.venue.application.ChangeVenue;
import dev.couchannel.hosting.venue.application.RegisterVenue;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/venues} and {@code /api/hosts/me/venues} of the public API (contracts/openapi). */
@RestController
class VenueController {

    /** More venues than this for one host is not a home or a bar but an import; pages come then. */
    static final int MAX_LISTED = 200;

    private final Venues venues;
    private final RegisterVenue registerVenue;
    private final ChangeVenue changeVenue;

    VenueController(Venues venues, RegisterVenue registerVenue, ChangeVenue changeVenue) {
        this.venues = venues;
        this.registerVenue = registerVenue;
        this.changeVenue = changeVenue;
    }

    record PackageView(String provider, String licence, String country) {}

    record VenueView(
            UUID id,
            @Nullable String hostId,
            String name,
            VenueType type,
            @Nullable String address,
            String city,
            String country,
            double lat,
            double lon,
            int capacity,
            int screens,
            int largestScreenInches,
            int speakers,
            List<PackageView> packages,
            long version,
            Instant registeredAt,
            Instant updatedAt) {

        /**
         * What anyone may see: no host e-mail address, and for a home no street address and a position blurred to
         * about a kilometre (two decimals), so that a public listing does not lead strangers to a private door.
         * The host and admins see everything; a guest learns the address with their booking.
         */
        static VenueView publicOf(Venue venue) {
            VenueView full = of(venue);
            if (venue.details().type() != VenueType.HOME) {
                return full.withoutHost();
            }
            return new VenueView(
                    full.id(),
                    null,
                    full.name(),
                    full.type(),
                    null,
                    full.city(),
                    full.country(),
                    blurred(full.lat()),
                    blurred(full.lon()),
                    full.capacity(),
                    full.screens(),
                    full.largestScreenInches(),
                    full.speakers(),
                    full.packages(),
                    full.version(),
                    full.registeredAt(),
                    full.updatedAt());
        }

        /** Hosts are stored by e-mail address: a stranger does not learn it. */
        VenueView withoutHost() {
            return new VenueView(
                    id,
                    null,
                    name,
                    type,
                    address,
                    city,
                    country,
                    lat,
                    lon,
                    capacity,
                    screens,
                    largestScreenInches,
                    speakers,
                    packages,
                    version,
                    registeredAt,
                    updatedAt);
        }

        private static double blurred(double degrees) {
            return Math.round(degrees * 100) / 100.0;
        }

        static VenueView of(Venue venue) {
            VenueDetails details = venue.details();
            return new VenueView(
                    venue.id(),
                    venue.hostId(),
                    details.name(),
                    details.type(),
                    details.address().street(),
                    details.address().city(),
                    details.address().country(),
                    details.location().lat(),
                    details.location().lon(),
                    details.capacity(),
                    details.equipment().screens(),
                    details.equipment().largestScreenInches(),
                    details.equipment().speakers(),
                    details.packages().stream()
                            .map(p -> new PackageView(p.provider(), p.licence().name(), p.country()))
                            .toList(),
                    venue.version(),
                    venue.registeredAt(),
                    venue.updatedAt());
        }
    }

    @PostMapping("/api/venues")
    ResponseEntity<VenueView> register(@Valid @RequestBody VenueRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("register venues", Caller.HOST);
        Venue venue = registerVenue.register(caller.id(), body.toDetails());
        return ResponseEntity.created(URI.create("/api/venues/" + venue.id())).body(VenueView.of(venue));
    }

    @GetMapping("/api/venues/{id}")
    VenueView get(@PathVariable UUID id, HttpServletRequest http) {
        Optional<Caller> caller = Caller.optional(http);
        return venues.find(id)
                .map(venue -> caller.filter(c -> c.isAdmin() || venue.isOwnedBy(c.id()))
                                .isPresent()
                        ? VenueView.of(venue)
                        : VenueView.publicOf(venue))
                .orElseThrow(() -> ApiProblem.notFound("venue", id));
    }

    @PutMapping("/api/venues/{id}")
    VenueView change(@PathVariable UUID id, @Valid @RequestBody VenueRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("change venues", Caller.HOST);
        return changeVenue
                .change(id, caller.id(), body.toDetails())
                .map(VenueView::of)
                // another host's venue is indistinguishable from a missing one
                .orElseThrow(() -> ApiProblem.notFound("venue", id));
    }

    @GetMapping("/api/hosts/me/venues")
    List<VenueView> mine(HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return venues.ofHost(caller.id(), MAX_LISTED).stream()
                .map(VenueView::of)
                .toList();
    }

    /** Facts the annotations let through but the domain's rules refuse: same shape as any invalid field. */
    @ExceptionHandler(InvalidVenue.class)
    ResponseEntity<ProblemDetail> invalid(InvalidVenue invalid) {
        List<FieldProblem> errors = invalid.violations().stream()
                .map(v -> new FieldProblem(v.field(), v.message()))
                .toList();
        return ResponseEntity.badRequest().body(ApiProblem.invalidFields(errors).toProblemDetail());
    }
}
