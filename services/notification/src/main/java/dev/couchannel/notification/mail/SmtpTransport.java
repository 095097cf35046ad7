package dev.couchannel.notification.mail;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends over SMTP ({@code spring.mail.*}): text and HTML alternatives, the calendar invite as an
 * attachment, and RFC 8058 one-click unsubscribe headers.
 */
@Component
class SmtpTransport implements MailTransport {

    /**
     * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@code ServiceLoader} for every MIME
     * part it writes and every header it decodes (jakartaee/mail-api#861): a scan of the whole class
     * path each time, which cost more CPU than rendering the mail. Naming the provider
     * makes the lookup a class-loader cache hit. A value set from outside is kept.
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, @Value("${couchannel.notification.mail.from}") String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public void send(OutboundMail mail) throws Exception {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper =
                new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.ics() != null) {
            helper.addAttachment(
                    "invite.ics",
                    new ByteArrayResource(mail.ics().getBytes(StandardCharsets.UTF_8)),
                    "text/calendar; charset=UTF-8; method=PUBLISH");
        }
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("X-Couchannel-Mail-Id", mail.id().toString());
        sender.send(message);
    }
}
