package dev.couchannel.identity.users.application;

import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.stereotype.Component;

/** Audits passkey sign-ins, which Spring Security's own provider performs (password ones audit themselves). */
@Component
class PasskeyAudit {

    private final AuditLog audit;
    private final Clock clock;

    PasskeyAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof WebAuthnAuthentication passkey) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    AuditEvent.Type.LOGIN_SUCCEEDED,
                    passkey.getName(),
                    passkey.getName(),
                    Map.of("method", "passkey")));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof WebAuthnAuthenticationRequestToken) {
            audit.record(AuditEvent.of(
                    clock.instant(),
                    AuditEvent.Type.LOGIN_FAILED,
                    null,
                    null,
                    Map.of(
                            "method",
                            "passkey",
                            "reason",
                            String.valueOf(event.getException().getMessage()))));
        }
    }
}
