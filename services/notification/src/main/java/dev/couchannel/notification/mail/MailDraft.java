package dev.couchannel.notification.mail;

import org.jspecify.annotations.Nullable;

/** A rendered mail, ready for the outbound table. */
public record MailDraft(
        String dedupeKey,
        Template template,
        String recipient,
        String subject,
        String text,
        String html,
        @Nullable String ics,
        @Nullable String unsubscribeUrl) {}
