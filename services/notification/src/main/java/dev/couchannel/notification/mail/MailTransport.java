package dev.couchannel.notification.mail;

/** Hands one mail to the mail server. */
public interface MailTransport {

    /**
     * @throws Exception when the server did not take the mail; the delivery retries it
     */
    void send(OutboundMail mail) throws Exception;
}
