package dev.couchannel.identity.users;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What a user may do on couchannel, and the API scopes each role grants (ADR 12). */
public enum Role {
    GUEST("book:sessions"),
    HOST("host:manage"),
    ADMIN("admin");

    /** Granted to every signed-in user, whatever the roles. */
    public static final String READ_EVENTS = "read:events";

    private final String scope;

    Role(String scope) {
        this.scope = scope;
    }

    /** The name in tokens and APIs: {@code guest}, {@code host}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values())
                .filter(role -> role.wireName().equals(name))
                .findFirst();
    }

    /** The API scopes users with these roles may hold, sorted. */
    public static Set<String> scopesOf(Collection<Role> roles) {
        Set<String> scopes = new TreeSet<>();
        scopes.add(READ_EVENTS);
        roles.forEach(role -> scopes.add(role.scope));
        return scopes;
    }

    /** Every API scope a user could ever hold. */
    public static Set<String> allUserScopes() {
        return scopesOf(Set.of(values()));
    }
}
