package dev.couchannel.gateway.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who the caller is, from the {@code Authorization} header, until the OIDC identity service
 * lands.
 *
 * <p>In {@code local} mode (development only) the token {@code Bearer local:<email>} names the
 * caller; nothing is verified, which is exactly why no other mode accepts it. A request without
 * {@code Authorization} is anonymous: the gateway forwards it and the service decides whether it
 * needs a user. Anything else in {@code Authorization} is refused rather than passed on half
 * understood.
 */
@Component
public class LocalIdentity {

    /** The header downstream services read the caller's identity from; only the gateway sets it. */
    public static final String USER_HEADER = "X-Couchannel-User";

    private static final Logger log = LoggerFactory.getLogger(LocalIdentity.class);
    private static final String LOCAL_PREFIX = "local:";
    // Deliberately simple (no quoted local parts, no IDN): the address travels on as a header value.
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+'-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final int MAX_EMAIL_LENGTH = 254;

    private final boolean localMode;

    public LocalIdentity(SecurityProperties properties) {
        this.localMode = properties.localMode();
        if (localMode) {
            log.warn("couchannel.security.mode=local: 'Bearer local:<email>' tokens are accepted without any check. "
                    + "This is for development only; never expose this gateway.");
        }
    }

    /**
     * The caller's e-mail (lower case) for a valid token, empty for an anonymous request.
     *
     * @throws Unauthenticated for any {@code Authorization} header the gateway does not accept
     */
    public Optional<String> authenticate(@Nullable String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw new Unauthenticated("Only 'Authorization: Bearer <token>' is accepted.");
        }
        if (!localMode) {
            throw new Unauthenticated("The bearer token is not valid.");
        }
        String token = parts[1];
        if (!token.startsWith(LOCAL_PREFIX)) {
            throw new Unauthenticated("The bearer token is not valid; in local mode use 'Bearer local:<email>'.");
        }
        String email = token.substring(LOCAL_PREFIX.length()).toLowerCase(Locale.ROOT);
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw new Unauthenticated(
                    "The bearer token does not name a valid e-mail address; use 'Bearer local:<email>'.");
        }
        return Optional.of(email);
    }
}
