package dev.couchannel.notification.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Puts rendered mails in the outbound table; a dedupe key already there is ignored. */
@Repository
public class MailOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return true when the mail is new, false when its dedupe key was queued before */
    public boolean enqueue(MailDraft draft) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        INSERT INTO outbound_mail (id, dedupe_key, template, recipient, subject, text_body, html_body,
                            ics, unsubscribe_url, status, next_attempt_at, created_at)
                        VALUES (:id, :key, :template, :recipient, :subject, :text, :html, :ics, :unsubscribe,
                            'PENDING', :now, :now)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                        .param("id", UUID.randomUUID())
                        .param("key", draft.dedupeKey())
                        .param("template", draft.template().name())
                        .param("recipient", draft.recipient())
                        .param("subject", draft.subject())
                        .param("text", draft.text())
                        .param("html", draft.html())
                        .param("ics", draft.ics())
                        .param("unsubscribe", draft.unsubscribeUrl())
                        .param("now", now)
                        .update()
                > 0;
    }
}
