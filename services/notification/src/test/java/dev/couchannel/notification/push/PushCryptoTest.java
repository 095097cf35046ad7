package dev.couchannel.notification.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PushCryptoTest {

    @Test
    void aBrowserDecryptsWhatWeEncryptForItsSubscription() throws Exception {
        Browser browser = new Browser();
        String message = "{\"title\":\"You are in: Legia Warszawa vs Lech Poznań\"}";

        byte[] body = PushCrypto.encrypt(
                message.getBytes(StandardCharsets.UTF_8),
                PushCrypto.decode(browser.p256dh()),
                PushCrypto.decode(browser.authSecret()));

        assertThat(browser.decrypt(body)).isEqualTo(message);
        // header: 16-byte salt, record size 4096, a 65-byte key id (our one-time public key)
        assertThat(body.length).isEqualTo(16 + 4 + 1 + 65 + message.getBytes(StandardCharsets.UTF_8).length + 1 + 16);
        assertThat(new byte[] {body[16], body[17], body[18], body[19], body[20]})
                .containsExactly(0, 0, 0x10, 0, 65);
    }

    @Test
    void eachMessageHasItsOwnKeyAndSalt() throws Exception {
        Browser browser = new Browser();
        byte[] text = "same".getBytes(StandardCharsets.UTF_8);
        byte[] first = PushCrypto.encrypt(text, PushCrypto.decode(browser.p256dh()), browser.auth);
        byte[] second = PushCrypto.encrypt(text, PushCrypto.decode(browser.p256dh()), browser.auth);

        assertThat(first).isNotEqualTo(second);
        assertThat(browser.decrypt(second)).isEqualTo("same");
    }

    @Test
    void anotherBrowserCannotReadIt() throws Exception {
        Browser meant = new Browser();
        Browser other = new Browser();
        byte[] body = PushCrypto.encrypt(new byte[] {1, 2, 3}, PushCrypto.decode(meant.p256dh()), meant.auth);

        assertThatThrownBy(() -> other.decrypt(body)).isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void theVapidTokenIsAnEs256JwtForThePushServicesOriginSignedWithOurKey() throws Exception {
        KeyPair ours = PushCrypto.newKeyPair();
        Instant expires = Instant.parse("2026-11-22T08:00:00Z");

        String header = PushCrypto.vapid(ours, "https://push.example.net", "mailto:ops@couchannel.local", expires);

        assertThat(header).startsWith("vapid t=").contains(", k=");
        String token = header.substring("vapid t=".length(), header.indexOf(", k="));
        String key = header.substring(header.indexOf(", k=") + 4);
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(PushCrypto.decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        assertThat(new String(PushCrypto.decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"aud\":\"https://push.example.net\",\"exp\":" + expires.getEpochSecond()
                        + ",\"sub\":\"mailto:ops@couchannel.local\"}");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(PushCrypto.publicKey(PushCrypto.decode(key)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(PushCrypto.decode(parts[2])).hasSize(64);
        assertThat(es256.verify(PushCrypto.decode(parts[2]))).isTrue();
    }

    @Test
    void keysThatAreNotPointsOnTheCurveAreRefused() {
        byte[] notOnTheCurve = new byte[65];
        notOnTheCurve[0] = 4;
        notOnTheCurve[64] = 7;

        assertThatThrownBy(() -> PushCrypto.publicKey(notOnTheCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PushCrypto.publicKey(new byte[33])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedKeysRoundTrip() {
        KeyPair made = PushCrypto.newKeyPair();
        KeyPair read = PushCrypto.keyPair(
                PushCrypto.raw((java.security.interfaces.ECPublicKey) made.getPublic()),
                PushCrypto.raw((java.security.interfaces.ECPrivateKey) made.getPrivate()));

        assertThat(read.getPublic()).isEqualTo(made.getPublic());
        assertThat(read.getPrivate().getEncoded()).isEqualTo(made.getPrivate().getEncoded());
    }
}
