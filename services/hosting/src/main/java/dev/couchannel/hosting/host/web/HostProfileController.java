package dev.couchannel.hosting.host.web;

import dev.couchannel.hosting.host.HostProfile;
import dev.couchannel.hosting.host.HostProfiles;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import dev.couchannel.platform.service.ProblemResponses.FieldProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/hosts/me/profile} (the host's own) and {@code /api/hosts/{id}} (anyone's view of a host). */
@RestController
class HostProfileController {

    static final int MAX_LANGUAGES = 6;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final HostProfiles profiles;
    private final Venues venues;
    private final Clock clock;

    HostProfileController(HostProfiles profiles, Venues venues, Clock clock) {
        this.profiles = profiles;
        this.venues = venues;
        this.clock = clock;
    }

    record ProfileRequest(
            @NotBlank @Size(min = 2, max = 60) String displayName,
            @Nullable @Size(max = 1000) String bio,
            @Nullable List<String> languages) {}

    /** What anyone sees of a host: no e-mail address, no street. */
    record HostView(UUID id, String displayName, String bio, List<String> languages, Instant memberSince, int venues) {}

    @PutMapping("/api/hosts/me/profile")
    ResponseEntity<HostView> save(@Valid @RequestBody ProfileRequest body, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("write a host profile", Caller.HOST);
        List<String> languages = languages(body.languages());
        HostProfiles.Saved saved = profiles.save(
                caller.id(),
                new HostProfile.About(body.displayName(), body.bio() == null ? "" : body.bio(), languages),
                clock.instant());
        HostView view = view(saved.profile());
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/hosts/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/hosts/me/profile")
    HostView mine(HttpServletRequest http) {
        Caller caller = Caller.require(http);
        return profiles.ofOwner(caller.id())
                .map(this::view)
                .orElseThrow(() -> new ApiProblem(
                        HttpStatus.NOT_FOUND,
                        "Not found",
                        "You have no host profile yet: write one with PUT /api/hosts/me/profile.",
                        Map.of()));
    }

    @GetMapping("/api/hosts/{id}")
    HostView get(@PathVariable UUID id) {
        return profiles.find(id).map(this::view).orElseThrow(() -> ApiProblem.notFound("host", id));
    }

    private HostView view(HostProfile profile) {
        return new HostView(
                profile.id(),
                profile.displayName(),
                profile.bio(),
                profile.languages(),
                profile.memberSince(),
                venues.countOfHost(profile.ownerId()));
    }

    /** ISO 639-1 codes, at most {@value #MAX_LANGUAGES}; every wrong one is named. */
    private static List<String> languages(@Nullable List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (requested.size() > MAX_LANGUAGES) {
            problems.add(new FieldProblem("languages", "at most " + MAX_LANGUAGES + " languages"));
        }
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i);
            if (code == null || !LANGUAGES.contains(code.strip())) {
                problems.add(new FieldProblem(
                        "languages[" + i + "]", "must be an ISO 639-1 code in lower case, such as \"en\" or \"pl\""));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalidFields(problems);
        }
        return requested.stream().map(String::strip).toList();
    }
}
