package dev.couchannel.notification.preferences;

import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
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

    record SwitchesBody(
            @Nullable Boolean bookings,
            @Nullable Boolean reminders,
            @Nullable Boolean waitlist) {

        static SwitchesBody of(Preferences.Switches switches) {
            return new SwitchesBody(switches.bookings(), switches.reminders(), switches.waitlist());
        }
    }

    /**
     * @param timeZone an IANA zone such as {@code Europe/Warsaw}; optional in a PUT (kept as it is)
     * @param push the web push switches; optional in a PUT (kept as they are)
     */
    record Body(
            @Nullable String locale,
            @Nullable String timeZone,
            @Nullable SwitchesBody email,
            @Nullable SwitchesBody push) {

        static Body of(Preferences p) {
            return new Body(p.locale(), p.timeZone().getId(), SwitchesBody.of(p.email()), SwitchesBody.of(p.push()));
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
        Preferences current = store.of(caller.id());
        Preferences preferences = new Preferences(
                body.locale(),
                body.timeZone() == null ? current.timeZone() : zone(body.timeZone()),
                switches("email", body.email()),
                body.push() == null ? current.push() : switches("push", body.push()));
        store.save(caller.id(), preferences);
        return Body.of(preferences);
    }

    private static ZoneId zone(String name) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw field("timeZone", "timeZone must be an IANA time zone such as Europe/Warsaw or UTC.");
        }
        return ZoneId.of(name);
    }

    private static Preferences.Switches switches(String channel, SwitchesBody body) {
        return new Preferences.Switches(
                flag(channel + ".bookings", body.bookings()),
                flag(channel + ".reminders", body.reminders()),
                flag(channel + ".waitlist", body.waitlist()));
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
        store.save(subject.userId(), store.of(subject.userId()).withoutMail(subject.category()));
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
