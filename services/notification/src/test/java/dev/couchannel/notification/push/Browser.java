package dev.couchannel.notification.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving end of web push as a browser implements it (RFC 8291 §3, RFC 8188 §2), written
 * from the specification apart from {@link PushCrypto}: its own keys and auth secret, and the
 * decryption of what a push service hands it.
 */
public final class Browser {

    public final KeyPair keys;
    public final byte[] auth = new byte[16];

    public Browser() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        new java.security.SecureRandom().nextBytes(auth);
    }

    /** The subscription's {@code keys.p256dh}. */
    public String p256dh() {
        return PushCrypto.encode(PushCrypto.raw((ECPublicKey) keys.getPublic()));
    }

    public String authSecret() {
        return PushCrypto.encode(auth);
    }

    public String decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        if (sealed.length > recordSize) {
            throw new IllegalArgumentException("more than one record");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(keys.getPrivate());
        ecdh.doPhase(PushCrypto.publicKey(senderKey), true);
        byte[] receiverKey = PushCrypto.raw((ECPublicKey) keys.getPublic());
        byte[] info = join("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[1], receiverKey, senderKey);
        byte[] ikm = expand(extract(auth, ecdh.generateSecret()), info, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek =
                expand(prk, join("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[1]), 16);
        byte[] nonce =
                expand(prk, join("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[1]), 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = gcm.doFinal(sealed);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("the last record must end with the delimiter 2");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] join(byte[]... parts) {
        ByteBuffer all =
                ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        Arrays.stream(parts).forEach(all::put);
        return all.array();
    }
}
