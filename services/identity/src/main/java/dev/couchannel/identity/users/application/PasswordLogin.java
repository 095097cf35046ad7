package dev.couchannel.identity.users.application;

import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.identity.users.EmailAddress;
import dev.couchannel.identity.users.SignInGate;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Form login with e-mail address and password, throttled per account ({@link User#gate}) and per
 * client address ({@link AddressThrottle}); every outcome is audited. A throttled or locked
 * account is refused before its password is checked, so a guesser learns nothing, even from the
 * right password.
 */
@Component
public class PasswordLogin implements org.springframework.security.authentication.AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Wrong e-mail address or password.";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Users users;
    private final PasswordEncoder passwords;
    private final AddressThrottle addresses;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String dummyHash;

    public PasswordLogin(
            Users users,
            PasswordEncoder passwords,
            AddressThrottle addresses,
            AuditLog audit,
            Clock clock,
            TransactionTemplate transactions) {
        this.users = users;
        this.transactions = transactions;
        this.passwords = passwords;
        this.addresses = addresses;
        this.audit = audit;
        this.clock = clock;
        // unknown addresses cost as much as known ones, so timing does not tell them apart
        this.dummyHash = passwords.encode("not-a-password-of-anyone");
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String password =
                attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                        ? details.getRemoteAddress()
                        : "unknown";
        Instant now = clock.instant();
        Map<String, Object> where = Map.of("address", address);

        if (addresses.refuses(address)) {
            audit.record(AuditEvent.of(
                    now, AuditEvent.Type.LOGIN_THROTTLED, null, name, Map.of("address", address, "by", "address")));
            throw new SignInRefused("Too many failed sign-ins from your network. Wait a few minutes, then try again.");
        }
        Optional<User> found = EmailAddress.normalize(name).flatMap(users::byEmail);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            addresses.failed(address);
            audit.record(AuditEvent.of(
                    now,
                    AuditEvent.Type.LOGIN_FAILED,
                    null,
                    name,
                    Map.of("address", address, "reason", "unknown account")));
            throw new SignInRefused(BAD_CREDENTIALS);
        }
        User user = found.get();
        switch (user.gate(now)) {
            case SignInGate.Locked locked -> {
                audit.record(AuditEvent.of(now, AuditEvent.Type.LOGIN_REFUSED_LOCKED, null, user.email(), where));
                throw new SignInRefused(lockedMessage(locked.until()));
            }
            case SignInGate.Delayed delayed -> {
                audit.record(AuditEvent.of(
                        now,
                        AuditEvent.Type.LOGIN_THROTTLED,
                        null,
                        user.email(),
                        Map.of("address", address, "by", "account", "waitSeconds", delayed.seconds())));
                throw new SignInRefused("Too many failed attempts. Wait " + delayed.seconds()
                        + (delayed.seconds() == 1 ? " second" : " seconds") + " before you try again.");
            }
            case SignInGate.Open open -> {}
        }
        if (user.passwordHash() == null || !passwords.matches(password, user.passwordHash())) {
            // counted under the row's lock: parallel wrong guesses must not overwrite each other's count
            User failed = transactions.execute(status -> {
                User current = users.lockById(user.id()).orElseThrow();
                User counted = current.failedSignIn(now);
                users.save(counted);
                return counted;
            });
            addresses.failed(address);
            audit.record(AuditEvent.of(
                    now,
                    AuditEvent.Type.LOGIN_FAILED,
                    null,
                    user.email(),
                    Map.of("address", address, "reason", "wrong password", "failures", failed.failedAttempts())));
            if (failed.lockedAt(now)) {
                audit.record(AuditEvent.of(
                        now,
                        AuditEvent.Type.ACCOUNT_LOCKED,
                        null,
                        user.email(),
                        Map.of("address", address, "until", failed.lockedUntil().toString())));
                throw new SignInRefused(lockedMessage(failed.lockedUntil()));
            }
            throw new SignInRefused(BAD_CREDENTIALS);
        }
        if (!user.emailVerified()) {
            audit.record(AuditEvent.of(
                    now,
                    AuditEvent.Type.LOGIN_FAILED,
                    null,
                    user.email(),
                    Map.of("address", address, "reason", "e-mail not verified")));
            throw new SignInRefused(
                    "Confirm your e-mail address first: open the link we sent to " + user.email() + ".");
        }
        users.save(user.succeededSignIn());
        audit.record(AuditEvent.of(
                now,
                AuditEvent.Type.LOGIN_SUCCEEDED,
                user.email(),
                user.email(),
                Map.of("address", address, "method", "password")));
        // the password factor, with its time: ID tokens carry it as auth_time
        List<GrantedAuthority> authorities = new ArrayList<>(Accounts.authorities(user));
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                .issuedAt(now)
                .build());
        return UsernamePasswordAuthenticationToken.authenticated(Accounts.details(user, clock), null, authorities);
    }

    private static String lockedMessage(Instant until) {
        return "This account is locked for 15 minutes after too many failed sign-ins. Try again after "
                + TIME.format(until) + ".";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
