package dev.couchannel.identity.users;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The plausibility check and normal form (trimmed, lower case) of an e-mail address. */
public final class EmailAddress {

    private static final Pattern PLAUSIBLE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$");

    private EmailAddress() {}

    /** The normal form, or empty when the text is not a plausible address. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String email = text.trim().toLowerCase(Locale.ROOT);
        return email.length() <= 254 && PLAUSIBLE.matcher(email).matches() ? Optional.of(email) : Optional.empty();
    }
}
