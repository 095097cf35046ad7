package dev.couchannel.notification.mail;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of the outbound table, claimed for sending. */
public record OutboundMail(
        UUID id,
        String dedupeKey,
        String template,
        String recipient,
        String subject,
        String text,
        String html,
        @Nullable String ics,
        @Nullable String unsubscribeUrl,
        int attempts) {}
