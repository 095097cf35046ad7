package dev.couchannel.notification.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of web push, on the JDK alone: message encryption with {@code aes128gcm}
 * (RFC 8291 over RFC 8188) for a browser's subscription keys, and the VAPID token (RFC 8292, an
 * ES256 JWT) that identifies us to its push service. Keys travel as base64url: a P-256 public key
 * as its 65-byte uncompressed point, a private key as its 32-byte scalar.
 */
public final class PushCrypto {

    /** One record holds the whole message: push services accept 4096 bytes of body at most. */
    static final int RECORD_SIZE = 4096;

    private static final ECParameterSpec P256 = p256();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private PushCrypto() {}

    /** A new P-256 key pair (ours for VAPID, or a one-time one per message). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256, RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 is missing from this JDK", e);
        }
    }

    /**
     * Encrypts {@code plaintext} for a subscription: the body of the push request.
     *
     * @param userAgentPublic the subscription's {@code p256dh} key, decoded
     * @param authSecret the subscription's {@code auth} secret, decoded (16 bytes)
     */
    public static byte[] encrypt(byte[] plaintext, byte[] userAgentPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, userAgentPublic, authSecret, newKeyPair(), salt);
    }

    /** {@link #encrypt(byte[], byte[], byte[])} with a given one-time key pair and salt (tests). */
    static byte[] encrypt(byte[] plaintext, byte[] userAgentPublic, byte[] authSecret, KeyPair ours, byte[] salt) {
        if (plaintext.length > RECORD_SIZE - 16 - 1 - 86) {
            throw new IllegalArgumentException("a push message holds at most 3993 bytes");
        }
        try {
            byte[] serverPublic = raw((ECPublicKey) ours.getPublic());
            byte[] shared = agree((ECPrivateKey) ours.getPrivate(), publicKey(userAgentPublic));
            // RFC 8291 §3.4: the input keying material binds both public keys and the auth secret
            byte[] keyInfo =
                    concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userAgentPublic, serverPublic);
            byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
            // RFC 8188 §2.2-2.3: content key and nonce of the single record
            byte[] key = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            // the last (and only) record ends with the delimiter 0x02
            byte[] sealed = gcm.doFinal(concat(plaintext, new byte[] {2}));
            ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + serverPublic.length + sealed.length);
            body.put(salt)
                    .putInt(RECORD_SIZE)
                    .put((byte) serverPublic.length)
                    .put(serverPublic)
                    .put(sealed);
            return body.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the subscription's keys cannot encrypt: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code Authorization} header value for a push service: {@code vapid t=<jwt>, k=<our public key>}.
     *
     * @param audience the push service's origin, e.g. {@code https://fcm.googleapis.com}
     * @param subject a contact for the push service's operator, {@code mailto:} or {@code https:}
     */
    public static String vapid(KeyPair ours, String audience, String subject, Instant expires) {
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encode("{\"aud\":\"%s\",\"exp\":%d,\"sub\":\"%s\"}"
                .formatted(audience, expires.getEpochSecond(), subject)
                .getBytes(StandardCharsets.UTF_8));
        try {
            // JOSE wants r || s (64 bytes), not DER: the P1363 format of the JDK gives exactly that
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(ours.getPrivate());
            es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            String token = header + "." + claims + "." + encode(es256.sign());
            return "vapid t=" + token + ", k=" + encode(raw((ECPublicKey) ours.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the VAPID token", e);
        }
    }

    /** The uncompressed point (0x04 || x || y) of a P-256 public key. */
    public static byte[] raw(ECPublicKey key) {
        return concat(
                new byte[] {4},
                unsigned(key.getW().getAffineX()),
                unsigned(key.getW().getAffineY()));
    }

    /** The 32-byte scalar of a P-256 private key. */
    public static byte[] raw(ECPrivateKey key) {
        return unsigned(key.getS());
    }

    /** A P-256 public key from its uncompressed point; refuses anything that is not one on the curve. */
    public static ECPublicKey publicKey(byte[] point) {
        if (point.length != 65 || point[0] != 4) {
            throw new IllegalArgumentException("a P-256 public key is 65 bytes starting with 0x04");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        // the JDK does not check this, and ECDH with a point off the curve leaks our key
        if (!onCurve(x, y)) {
            throw new IllegalArgumentException("not a point on P-256");
        }
        try {
            ECPoint w = new ECPoint(x, y);
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a point on P-256", e);
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates in the field. */
    private static boolean onCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3)
                .add(P256.getCurve().getA().multiply(x))
                .add(P256.getCurve().getB())
                .mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    /** The key pair of a public point and private scalar (our stored VAPID keys). */
    public static KeyPair keyPair(byte[] publicPoint, byte[] privateScalar) {
        try {
            ECPrivateKey privateKey = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateScalar), P256));
            return new KeyPair(publicKey(publicPoint), privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    public static String encode(byte[] bytes) {
        return B64.encodeToString(bytes);
    }

    /** base64url, with or without padding. */
    public static byte[] decode(String text) {
        return B64D.decode(text.replace("=", ""));
    }

    static byte[] agree(ECPrivateKey ours, ECPublicKey theirs) throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ours);
        ecdh.doPhase(theirs, true);
        return ecdh.generateSecret();
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of up to 32 bytes: extract, then one block of expand. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = hmac.doFinal(ikm);
        hmac.init(new SecretKeySpec(prk, "HmacSHA256"));
        hmac.update(info);
        hmac.update((byte) 1);
        return Arrays.copyOf(hmac.doFinal(), length);
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return fixed;
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }

    private static ECParameterSpec p256() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
