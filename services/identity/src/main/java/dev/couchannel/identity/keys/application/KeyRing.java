package dev.couchannel.identity.keys.application;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.couchannel.identity.IdentityProperties;
import dev.couchannel.identity.audit.AuditEvent;
import dev.couchannel.identity.audit.AuditLog;
import dev.couchannel.identity.keys.KeyState;
import dev.couchannel.identity.keys.SigningKey;
import dev.couchannel.identity.keys.SigningKeys;
import jakarta.annotation.PostConstruct;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The RSA keys that sign access tokens. The JWKS publishes the ACTIVE and PREVIOUS keys; only
 * the ACTIVE one signs. Rotation (on demand or when the active key is {@code rotate-every} old)
 * makes a new ACTIVE key and demotes the old one; a PREVIOUS key leaves the JWKS once every token
 * it signed has expired (token lifetime + skew after its demotion).
 */
@Service
public class KeyRing implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final SigningKeys keys;
    private final AuditLog audit;
    private final Clock clock;
    private final IdentityProperties properties;
    private final Map<String, RSAKey> parsed = new ConcurrentHashMap<>();

    public KeyRing(SigningKeys keys, AuditLog audit, Clock clock, IdentityProperties properties) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** The first start creates a key. */
    @PostConstruct
    void ensureActiveKey() {
        if (keys.published().stream().noneMatch(key -> key.state() == KeyState.ACTIVE)) {
            try {
                rotate("identity");
            } catch (DuplicateKeyException raced) {
                log.info("another instance created the first signing key");
            }
        }
    }

    /** Makes a new active key and demotes the current one; answers the new key's id. */
    public synchronized String rotate(String actor) {
        Instant now = clock.instant();
        List<SigningKey> demoted = keys.published().stream()
                .filter(key -> key.state() == KeyState.ACTIVE)
                .map(key -> key.demoted(now))
                .toList();
        SigningKey fresh = generate(now);
        keys.rotate(fresh, demoted);
        audit.record(AuditEvent.of(
                now,
                AuditEvent.Type.KEY_ROTATED,
                actor,
                fresh.kid(),
                Map.of("demoted", demoted.stream().map(SigningKey::kid).toList())));
        log.info("signing key {} is now active", fresh.kid());
        return fresh.kid();
    }

    /** Removes from the JWKS the previous keys whose tokens have all expired; answers their ids. */
    public synchronized List<String> retireExpired() {
        Instant now = clock.instant();
        List<SigningKey> retirable = keys.published().stream()
                .filter(key -> key.retirable(
                        now, properties.accessTokenLifetime(), properties.keys().skew()))
                .map(key -> key.retired(now))
                .toList();
        for (SigningKey key : retirable) {
            keys.retire(key);
            audit.record(AuditEvent.of(now, AuditEvent.Type.KEY_RETIRED, "identity", key.kid(), Map.of()));
        }
        return retirable.stream().map(SigningKey::kid).toList();
    }

    /** Rotation on schedule: checked hourly, acted on when the active key is due. */
    @Scheduled(
            fixedDelayString = "${couchannel.identity.keys.check-every:PT1H}",
            initialDelayString = "${couchannel.identity.keys.check-every:PT1H}")
    public void maintain() {
        Instant now = clock.instant();
        if (keys.published().stream()
                .anyMatch(key -> key.dueForRotation(now, properties.keys().rotateEvery()))) {
            rotate("schedule");
        }
        retireExpired();
    }

    /** The id of the key that signs new tokens. */
    public String activeKid() {
        return keys.published().stream()
                .filter(key -> key.state() == KeyState.ACTIVE)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key"))
                .kid();
    }

    /** The published keys (active first) with their private parts; the JWKS endpoint shows public parts only. */
    public JWKSet published() {
        return new JWKSet(
                keys.published().stream().map(this::jwk).map(JWK.class::cast).toList());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(published());
    }

    /** For the encoder: among the published keys that fit a token, the active one. */
    public JWK selectActive(List<JWK> candidates) {
        String active = activeKid();
        return candidates.stream()
                .filter(jwk -> active.equals(jwk.getKeyID()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the active key " + active + " does not fit the token"));
    }

    private RSAKey jwk(SigningKey key) {
        return parsed.computeIfAbsent(key.kid(), kid -> {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPublicKey publicKey =
                        (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(key.publicPem())));
                RSAPrivateKey privateKey =
                        (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der(key.privatePem())));
                return new RSAKey.Builder(publicKey)
                        .privateKey(privateKey)
                        .keyID(kid)
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .build();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("signing key " + kid + " cannot be read", e);
            }
        });
    }

    private static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(
                    UUID.randomUUID().toString(),
                    pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    KeyState.ACTIVE,
                    now,
                    null,
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
