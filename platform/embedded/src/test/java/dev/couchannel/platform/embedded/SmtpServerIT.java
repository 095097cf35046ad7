package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpServerIT {

    @Test
    void receivesWhatIsSent() throws Exception {
        try (SmtpServer smtp = SmtpServer.start(0)) {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(smtp.port()));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress("booking@couchannel.dev"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("guest@example.com"));
            message.setSubject("Your couch is booked");
            message.setText("See you on Friday");

            Transport.send(message);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(smtp.receivedMessages())
                    .singleElement()
                    .satisfies(mail -> {
                        assertThat(mail.from()).isEqualTo("booking@couchannel.dev");
                        assertThat(mail.to()).containsExactly("guest@example.com");
                        assertThat(mail.subject()).isEqualTo("Your couch is booked");
                        assertThat(mail.body()).isEqualTo("See you on Friday");
                    }));

            smtp.deleteAllMessages();
            assertThat(smtp.receivedMessages()).isEmpty();
        }
    }
}
