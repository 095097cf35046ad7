package dev.couchannel.identity.users;

import java.util.Optional;

/** What a new password must be: long enough to resist guessing, short enough to hash cheaply. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {}

    /** Why the password is refused, or empty when it is fine. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("The password must have at most " + MAX_LENGTH + " characters.");
        }
        return Optional.empty();
    }
}
