package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The developer's mailbox shows what the real SMTP server received, safely. */
class MailboxIT {

    static SmtpServer smtp;
    static Mailbox mailbox;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        smtp = SmtpServer.start(0);
        mailbox = Mailbox.start(smtp, 0);
        send();
    }

    @AfterAll
    static void stop() {
        mailbox.close();
        smtp.close();
    }

    @Test
    void listsTheMailsWithTheirSubjectEscaped() throws Exception {
        HttpResponse<String> list = get("/");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(list.body())
                .contains("Booking confirmed &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("guest@example.com")
                .contains("href=\"/messages/0\"")
                .doesNotContain("<script>");
    }

    @Test
    void showsTheTextTheHtmlInASandboxAndTheAttachments() throws Exception {
        HttpResponse<String> page = get("/messages/0");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Your seats are booked.")
                .contains("<iframe sandbox title=\"The mail as HTML\" srcdoc=\"&lt;p&gt;Your &lt;b&gt;seats&lt;/b&gt;")
                .contains("href=\"/messages/0/parts/0\"")
                .contains("booking.ics")
                .contains("<dt>Language</dt><dd>pl</dd>");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void downloadsTheCalendarInvite() throws Exception {
        HttpResponse<String> invite = get("/messages/0/parts/0");

        assertThat(invite.statusCode()).isEqualTo(200);
        assertThat(invite.headers().firstValue("Content-Type")).hasValue("text/calendar");
        assertThat(invite.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"booking.ics\"");
        assertThat(invite.body()).startsWith("BEGIN:VCALENDAR");
    }

    @Test
    void listsTheMailsAsJsonForScripts() throws Exception {
        HttpResponse<String> json = get("/api/messages");

        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body())
                .startsWith("[{\"id\":0,")
                .contains("\"to\":[\"guest@example.com\"]")
                .contains("\"subject\":\"Booking confirmed <script>alert(1)</script>\"");
    }

    @Test
    void unknownMessagesPartsAndWritesAreRefused() throws Exception {
        assertThat(get("/messages/7").statusCode()).isEqualTo(404);
        assertThat(get("/messages/99999999999").statusCode()).isEqualTo(404);
        assertThat(get("/messages/0/parts/3").statusCode()).isEqualTo(404);
        assertThat(get("/etc/passwd").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(url("/"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + mailbox.port() + path);
    }

    private static void send() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress("no-reply@couchannel.local"));
        message.setRecipients(Message.RecipientType.TO, "guest@example.com");
        message.setSubject("Booking confirmed <script>alert(1)</script>");
        message.setSentDate(new Date());
        message.setHeader("Content-Language", "pl");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Your seats are booked.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Your <b>seats</b> are booked.</p>", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);

        MimeBodyPart invite = new MimeBodyPart();
        invite.setDataHandler(new DataHandler(new ByteArrayDataSource(
                "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "text/calendar; charset=UTF-8")));
        invite.setFileName("booking.ics");
        invite.setDisposition(MimeBodyPart.ATTACHMENT);

        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(invite);
        message.setContent(mixed);
        Transport.send(message);
    }
}
