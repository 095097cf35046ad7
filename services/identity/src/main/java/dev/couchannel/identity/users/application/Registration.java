package dev.couchannel.identity.users.application;

import dev.couchannel.identity.IdentityProperties;
import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.identity.users.EmailAddress;
import dev.couchannel.identity.users.EmailVerifications;
import dev.couchannel.identity.users.PasswordRules;
import dev.couchannel.identity.users.Role;
import dev.couchannel.identity.users.User;
import dev.couchannel.identity.users.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Sign-up with e-mail address and password, and the single-use link that verifies the address. */
@Service
public class Registration {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final EmailVerifications verifications;
    private final PasswordEncoder passwords;
    private final JavaMailSender mail;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityProperties properties;

    public Registration(
            Users users,
            EmailVerifications verifications,
            PasswordEncoder passwords,
            JavaMailSender mail,
            AuditLog audit,
            Clock clock,
            IdentityProperties properties) {
        this.users = users;
        this.verifications = verifications;
        this.passwords = passwords;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** One field the applicant has to fix. */
    public record Problem(String field, String message) {}

    /** What came of a registration. */
    public sealed interface Outcome {
        /** The account exists, unverified; the link is on its way. */
        record Registered(User user) implements Outcome {}

        /** Some fields are invalid; nothing was stored. */
        record Invalid(List<Problem> problems) implements Outcome {}

        /** The address already has an account (callers must not say so to the applicant). */
        record Taken() implements Outcome {}
    }

    public Outcome register(String emailText, String password) {
        List<Problem> problems = new ArrayList<>();
        Optional<String> email = EmailAddress.normalize(emailText);
        if (email.isEmpty()) {
            problems.add(new Problem("email", "Enter a valid e-mail address, like name@example.com."));
        }
        PasswordRules.problemWith(password).ifPresent(message -> problems.add(new Problem("password", message)));
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        Instant now = clock.instant();
        User user = User.register(email.get(), passwords.encode(password), Set.of(Role.GUEST), now);
        if (!users.add(user)) {
            return new Outcome.Taken();
        }
        audit.record(AuditEvent.of(now, AuditEvent.Type.USER_REGISTERED, user.email(), user.email(), Map.of()));
        sendVerification(user, now);
        return new Outcome.Registered(user);
    }

    /** Verifies the address the link was sent to; empty when the link is unknown, used or expired. */
    public Optional<User> verify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return verifications.consume(hash(token), now).flatMap(users::byId).map(user -> {
            User verified = user.verified();
            users.save(verified);
            audit.record(
                    AuditEvent.of(now, AuditEvent.Type.EMAIL_VERIFIED, verified.email(), verified.email(), Map.of()));
            return verified;
        });
    }

    private void sendVerification(User user, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        verifications.add(hash(token), user.id(), now.plus(properties.mail().verificationValidFor()));
        String link = properties.issuerBase() + "/verify?token=" + token;
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mail().from());
        message.setTo(user.email());
        message.setSubject("Confirm your e-mail address for couchannel");
        message.setText("Welcome to couchannel!\n\nOpen this link to confirm your e-mail address:\n\n" + link
                + "\n\nThe link works once and expires in "
                + properties.mail().verificationValidFor().toHours()
                + " hours. If you did not sign up, ignore this message.\n");
        try {
            mail.send(message);
        } catch (MailException e) {
            // the account stays unverified; registering again is refused, so support resends (logged for them)
            log.error("could not send the verification e-mail to a new account {}", user.id(), e);
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
