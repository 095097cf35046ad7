package dev.couchannel.notification.push;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Our VAPID key pair (RFC 8292): from configuration when given ({@code
 * couchannel.notification.push.vapid.public-key} and {@code .private-key}, base64url), otherwise
 * made on first start and kept in PostgreSQL, so that every instance and every restart signs with
 * the same key (browsers subscribed with its public half).
 */
@Component
public class VapidKeys {

    private final KeyPair keys;

    VapidKeys(
            JdbcClient jdbc,
            @Value("${couchannel.notification.push.vapid.public-key:}") String publicKey,
            @Value("${couchannel.notification.push.vapid.private-key:}") String privateKey) {
        if (!publicKey.isBlank() && !privateKey.isBlank()) {
            this.keys = PushCrypto.keyPair(PushCrypto.decode(publicKey), PushCrypto.decode(privateKey));
            return;
        }
        KeyPair fresh = PushCrypto.newKeyPair();
        // the first instance to start wins; every other reads what it stored
        jdbc.sql("""
                        INSERT INTO vapid_keys (id, public_key, private_key) VALUES (1, :public, :private)
                        ON CONFLICT (id) DO NOTHING""")
                .param("public", PushCrypto.encode(PushCrypto.raw((ECPublicKey) fresh.getPublic())))
                .param("private", PushCrypto.encode(PushCrypto.raw((ECPrivateKey) fresh.getPrivate())))
                .update();
        this.keys = jdbc.sql("SELECT public_key, private_key FROM vapid_keys WHERE id = 1")
                .query((rs, n) ->
                        PushCrypto.keyPair(PushCrypto.decode(rs.getString(1)), PushCrypto.decode(rs.getString(2))))
                .single();
    }

    public KeyPair keyPair() {
        return keys;
    }

    /** What the browser passes to {@code pushManager.subscribe} as {@code applicationServerKey}. */
    public String publicKey() {
        return PushCrypto.encode(PushCrypto.raw((ECPublicKey) keys.getPublic()));
    }
}
