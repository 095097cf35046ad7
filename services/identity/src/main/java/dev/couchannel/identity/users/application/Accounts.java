package dev.couchannel.identity.users.application;

import dev.couchannel.identity.users.EmailAddress;
import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Looks accounts up by e-mail address, for the token customizer and for Spring Security (passkey
 * sign-in loads the authorities of the account a passkey belongs to through here).
 */
@Service
public class Accounts implements UserDetailsService {

    private final Users users;
    private final Clock clock;

    public Accounts(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public Optional<User> byEmail(String email) {
        return EmailAddress.normalize(email).flatMap(users::byEmail);
    }

    /** The account a signed-in principal names; it must exist. */
    public User require(String email) {
        return byEmail(email).orElseThrow(() -> new IllegalStateException("no account for a signed-in principal"));
    }

    /**
     * The account, refused while it is locked or unverified. Spring's passkey sign-in loads the account here after
     * checking the passkey and does not look at those flags itself; without this check a passkey would walk past
     * the lockout that wrong passwords caused.
     */
    @Override
    public UserDetails loadUserByUsername(String email) {
        User user = byEmail(email).orElseThrow(() -> new UsernameNotFoundException("no such account"));
        UserDetails details = details(user, clock);
        new AccountStatusUserDetailsChecker().check(details);
        return details;
    }

    /**
     * The Spring Security view of an account: authorities {@code ROLE_<role>}, and never the
     * password hash (principals end up serialized in stored authorizations).
     */
    static UserDetails details(User user, Clock clock) {
        return org.springframework.security.core.userdetails.User.withUsername(user.email())
                .password("")
                .authorities(authorities(user))
                .disabled(!user.emailVerified())
                .accountLocked(user.lockedAt(clock.instant()))
                .build();
    }

    static List<GrantedAuthority> authorities(User user) {
        return user.roles().stream()
                .sorted()
                .map(Role::wireName)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
