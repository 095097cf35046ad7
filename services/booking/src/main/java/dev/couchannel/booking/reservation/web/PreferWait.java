package dev.couchannel.booking.reservation.web;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads the {@code wait} preference of an RFC 7240 {@code Prefer} header, capped by the server's limit. */
final class PreferWait {

    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\\\"?(\\d{1,6})\\\"?");

    private PreferWait() {}

    /** Zero when the header asks for no wait (or for something unreadable, which RFC 7240 says to ignore). */
    static Duration parse(@Nullable String prefer, Duration max) {
        if (prefer == null) {
            return Duration.ZERO;
        }
        Matcher matcher = WAIT.matcher(prefer.toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
        return asked.compareTo(max) > 0 ? max : asked;
    }
}
