package dev.couchannel.identity;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey authenticator in memory: one EC P-256 credential, "none" attestation, and the JSON
 * Spring Security's WebAuthn endpoints expect from its JavaScript.
 */
final class VirtualAuthenticator {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String origin;
    private final String rpId;
    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private int signCount;

    VirtualAuthenticator(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The body of {@code POST /webauthn/register} for these creation options' challenge. */
    String register(String challenge, String label) {
        byte[] clientData = clientData("webauthn.create", challenge);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // user present, user verified, attested credential data
        authData.writeBytes(ByteBuffer.allocate(4).putInt(signCount).array());
        authData.writeBytes(new byte[16]); // AAGUID
        authData.writeBytes(
                ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        Map<Object, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        String id = B64.encodeToString(credentialId);
        return """
                {"publicKey": {"label": "%s", "credential": {"id": "%s", "rawId": "%s", "type": "public-key",
                 "response": {"attestationObject": "%s", "clientDataJSON": "%s", "transports": ["internal"]},
                 "clientExtensionResults": {}, "authenticatorAttachment": "platform"}}}
                """.formatted(
                        label, id, id, B64.encodeToString(Cbor.encode(attestation)), B64.encodeToString(clientData));
    }

    /** The body of {@code POST /login/webauthn} for these request options' challenge. */
    String authenticate(String challenge, String userHandle) {
        try {
            byte[] clientData = clientData("webauthn.get", challenge);
            ByteArrayOutputStream authData = new ByteArrayOutputStream();
            authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
            authData.write(0x05); // user present, user verified
            authData.writeBytes(ByteBuffer.allocate(4).putInt(++signCount).array());
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(authData.toByteArray());
            signature.update(sha256(clientData));
            String id = B64.encodeToString(credentialId);
            return """
                    {"id": "%s", "rawId": "%s", "credType": "public-key",
                     "response": {"authenticatorData": "%s", "clientDataJSON": "%s", "signature": "%s", "userHandle": "%s"},
                     "clientExtensionResults": {}, "authenticatorAttachment": "platform"}
                    """.formatted(
                            id,
                            id,
                            B64.encodeToString(authData.toByteArray()),
                            B64.encodeToString(clientData),
                            B64.encodeToString(signature.sign()),
                            userHandle);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The public key as a COSE_Key: EC2, ES256, P-256, x, y. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        Map<Object, Object> cose = new LinkedHashMap<>();
        cose.put(1, 2);
        cose.put(3, -7);
        cose.put(-1, 1);
        cose.put(-2, coordinate(key.getW().getAffineX()));
        cose.put(-3, coordinate(key.getW().getAffineY()));
        return Cbor.encode(cose);
    }

    private static byte[] coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Just enough CBOR (RFC 8949) for attestation objects and COSE keys. */
    static final class Cbor {

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            switch (value) {
                case Integer number when number >= 0 -> head(out, 0, number);
                case Integer number -> head(out, 1, -1L - number);
                case byte[] bytes -> {
                    head(out, 2, bytes.length);
                    out.writeBytes(bytes);
                }
                case String text -> {
                    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                    head(out, 3, utf8.length);
                    out.writeBytes(utf8);
                }
                case Map<?, ?> map -> {
                    head(out, 5, map.size());
                    map.forEach((key, entry) -> {
                        write(out, key);
                        write(out, entry);
                    });
                }
                default -> throw new IllegalArgumentException("no CBOR for " + value);
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long length) {
            int type = major << 5;
            if (length < 24) {
                out.write(type | (int) length);
            } else if (length < 256) {
                out.write(type | 24);
                out.write((int) length);
            } else {
                out.write(type | 25);
                out.write((int) (length >> 8));
                out.write((int) length);
            }
        }
    }
}
