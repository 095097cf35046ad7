package dev.couchannel.platform.embedded;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMTP server (GreenMail) that accepts every message and keeps it in memory, so services can send real mail
 * locally and tests can look at what was sent. Authentication is disabled: any user and password are accepted.
 */
public final class SmtpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpServer.class);

    private final GreenMail greenMail;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port the port to listen on, 0 for any free port
     */
    public static SmtpServer start(int port) {
        if (port != 0 && !Ports.isFree(port)) {
            throw new PortInUseException(port, "smtp", null);
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        GreenMail greenMail = new GreenMail(setup)
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        SmtpServer smtp = new SmtpServer(greenMail);
        LOG.info("smtp listening on port {}", smtp.port());
        return smtp;
    }

    /** The port the server listens on (the chosen one when started with 0). */
    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * Everything received so far, oldest first. A message to several recipients appears once per recipient (the
     * server files a copy in each mailbox).
     */
    public List<ReceivedMail> receivedMessages() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .map(ReceivedMail::of)
                .toList();
    }

    /** Forgets every received message, e.g. between tests. */
    public void deleteAllMessages() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("could not delete received messages", e);
        }
    }

    /** Stops the server; later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            int port = port();
            greenMail.stop();
            LOG.info("smtp on port {} stopped", port);
        }
    }

    /**
     * One received message, flattened to what tests usually check; {@code message} has the rest.
     *
     * @param from the first From address
     * @param to the To addresses
     * @param subject the subject
     * @param body the body as text (raw MIME parts for multipart messages)
     * @param message the full message
     */
    public record ReceivedMail(String from, List<String> to, String subject, String body, MimeMessage message) {

        static ReceivedMail of(MimeMessage message) {
            try {
                Address[] from = message.getFrom();
                return new ReceivedMail(
                        from == null || from.length == 0 ? "" : from[0].toString(),
                        addresses(message.getRecipients(Message.RecipientType.TO)),
                        message.getSubject(),
                        GreenMailUtil.getBody(message),
                        message);
            } catch (MessagingException e) {
                throw new IllegalStateException("could not read received message", e);
            }
        }

        private static List<String> addresses(Address[] addresses) {
            return addresses == null
                    ? List.of()
                    : Arrays.stream(addresses).map(Address::toString).toList();
        }
    }
}
