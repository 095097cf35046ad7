package dev.couchannel.notification;

import dev.couchannel.platform.embedded.SmtpServer.ReceivedMail;
import dev.couchannel.platform.testing.TestInfrastructure;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Reads what the embedded SMTP server received. */
final class Mails {

    private Mails() {}

    static List<ReceivedMail> to(String recipient) {
        return TestInfrastructure.get().smtp().receivedMessages().stream()
                .filter(mail -> mail.to().contains(recipient))
                .toList();
    }

    static List<ReceivedMail> to(String recipient, String subjectPrefix) {
        return to(recipient).stream()
                .filter(mail -> mail.subject().startsWith(subjectPrefix))
                .toList();
    }

    /** The decoded content of the first part of this MIME type (e.g. {@code text/calendar}). */
    static Optional<String> part(ReceivedMail mail, String mimeType) {
        try {
            return find(mail.message(), mimeType);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ReceivedMail mail, String name) {
        try {
            String[] values = mail.message().getHeader(name);
            return values == null ? null : values[0];
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> find(Part part, String mimeType) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<String> found = find(child, mimeType);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        if (part.isMimeType(mimeType)) {
            return Optional.of(read(part));
        }
        return Optional.empty();
    }

    private static String read(Part part) throws Exception {
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
