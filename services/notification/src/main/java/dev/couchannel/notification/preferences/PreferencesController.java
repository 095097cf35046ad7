package dev.couchannel.notification.preferences;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notification preferences, and the one-click unsubscribe of mail links. */
@RestController
class PreferencesController {

    private final PreferencesStore store;
    private final UnsubscribeTokens tokens;

    PreferencesController(PreferencesStore store, UnsubscribeTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    record EmailBody(
            @Nullable Boolean bookings,
            @Nullable Boolean reminders,
            @Nullable Boolean waitlist) {}

    record Body(@Nullable String locale, @Nullable EmailBody email) {

        static Body of(Preferences p) {
            return new Body(p.locale(), new EmailBody(p.bookings(), p.reminders(), p.waitlist()));
        }
    }

    @GetMapping("/api/me/notification-preferences")
    Body get(HttpServletRequest request) {
        return Body.of(store.of(Caller.require(request).id()));
    }

    @PutMapping("/api/me/notification-preferences")
    Body put(HttpServletRequest request, @RequestBody Body body) {
        Caller caller = Caller.require(request);
        if (body.locale() == null
                || !(body.locale().equals("en") || body.locale().equals("pl"))) {
            throw field("locale", "locale must be \"en\" or \"pl\".");
        }
        if (body.email() == null) {
            throw field("email", "email must be an object with bookings, reminders and waitlist.");
        }
        Preferences preferences = new Preferences(
                body.locale(),
                flag("email.bookings", body.email().bookings()),
                flag("email.reminders", body.email().reminders()),
                flag("email.waitlist", body.email().waitlist()));
        store.save(caller.id(), preferences);
        return Body.of(preferences);
    }

    record Unsubscribed(String category, boolean email) {}

    /** One-click unsubscribe (RFC 8058): no sign-in, the signed token says who and what. */
    @GetMapping("/api/notifications/unsubscribe")
    Unsubscribed unsubscribeLink(@RequestParam(required = false) String token) {
        return unsubscribe(token);
    }

    @PostMapping("/api/notifications/unsubscribe")
    Unsubscribed unsubscribe(@RequestParam(required = false) String token) {
        UnsubscribeTokens.Subject subject =
                tokens.verify(token).orElseThrow(() -> field("token", "The unsubscribe link is not valid."));
        store.save(subject.userId(), store.of(subject.userId()).without(subject.category()));
        return new Unsubscribed(subject.category().key(), false);
    }

    private static boolean flag(String name, @Nullable Boolean value) {
        if (value == null) {
            throw field(name, name + " must be true or false.");
        }
        return value;
    }

    private static ApiProblem field(String name, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, Map.of("field", name));
    }
}
