package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Our SigV4 check against requests signed by the AWS SDK's own signer: the same bytes, two implementations. */
class SigV4Test {

    private static final Instant NOW = Instant.parse("2026-11-21T20:15:00Z");
    private static final SigV4.Credentials LOCAL = new SigV4.Credentials("local-key", "local-secret");
    private static final String BODY = "a photo of a screen";

    @Test
    void acceptsWhatTheSdkSignsAndNamesThePayloadHash() {
        SigV4.Result result = verify(signed("local-secret", NOW, BODY, "/photos/venues/a%20b/1.jpg", null));

        assertThat(result)
                .isEqualTo(new SigV4.Verified(java.util.HexFormat.of()
                        .formatHex(SigV4.sha256().digest(BODY.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void acceptsASignedQueryString() {
        SigV4.Result result = verify(signed("local-secret", NOW, "", "/photos", "list-type=2&prefix=venues%2F"));

        assertThat(result).isInstanceOf(SigV4.Verified.class);
    }

    @Test
    void refusesAnotherSecret() {
        SigV4.Result result = verify(signed("guessed-secret", NOW, BODY, "/photos/key", null));

        assertThat(result).isInstanceOfSatisfying(SigV4.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void refusesAnotherAccessKey() {
        SigV4.Result result = SigV4.verify(
                signed("local-secret", NOW, BODY, "/photos/key", null),
                new SigV4.Credentials("other-key", "local-secret"),
                "us-east-1",
                NOW);

        assertThat(result).isInstanceOfSatisfying(SigV4.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo("InvalidAccessKeyId"));
    }

    @Test
    void refusesARequestChangedAfterSigning() {
        SigV4.Request original = signed("local-secret", NOW, BODY, "/photos/key", null);

        assertThat(verify(withPath(original, "/photos/other-key"))).isInstanceOf(SigV4.Refused.class);
        assertThat(verify(withHeader(original, "x-amz-content-sha256", v -> "0".repeat(64))))
                .isInstanceOfSatisfying(SigV4.Refused.class, refused -> assertThat(refused.code())
                        .isEqualTo("SignatureDoesNotMatch"));
        assertThat(verify(withHeader(original, "host", v -> "evil.example:9000")))
                .isInstanceOf(SigV4.Refused.class);
    }

    @Test
    void refusesAnOldSignature() {
        SigV4.Request old = signed("local-secret", NOW.minus(Duration.ofMinutes(16)), BODY, "/photos/key", null);

        assertThat(verify(old)).isInstanceOfSatisfying(SigV4.Refused.class, refused -> assertThat(refused.code())
                .isEqualTo("RequestTimeTooSkewed"));
    }

    @Test
    void refusesAnUnsignedRequest() {
        SigV4.Request anonymous = new SigV4.Request("GET", "/photos/key", null, Map.of("host", List.of("localhost")));

        assertThat(verify(anonymous))
                .isInstanceOfSatisfying(SigV4.Refused.class, refused -> assertThat(refused.status())
                        .isEqualTo(403));
    }

    @Test
    void canonicalQueryIsSortedAndStrictlyEncoded() {
        assertThat(SigV4.canonicalQuery("prefix=venues%2Fa b&list-type=2&max-keys"))
                .isEqualTo("list-type=2&max-keys=&prefix=venues%2Fa%20b");
    }

    private static SigV4.Result verify(SigV4.Request request) {
        return SigV4.verify(request, LOCAL, "us-east-1", NOW);
    }

    /** Signs like the S3 client does: payload hash in x-amz-content-sha256, path encoded once. */
    private static SigV4.Request signed(String secret, Instant at, String body, String rawPath, String rawQuery) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.PUT)
                .uri(URI.create("http://127.0.0.1:9000" + rawPath + (rawQuery == null ? "" : "?" + rawQuery)))
                .putHeader("Content-Type", "image/jpeg")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("local-key", secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromUtf8String(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                        .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                        .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                        .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        signed.headers().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        headers.putIfAbsent("host", List.of("127.0.0.1:9000"));
        return new SigV4.Request(
                "PUT", signed.encodedPath(), signed.encodedQueryParameters().orElse(null), headers);
    }

    private static SigV4.Request withPath(SigV4.Request request, String rawPath) {
        return new SigV4.Request(request.method(), rawPath, request.rawQuery(), request.headers());
    }

    private static SigV4.Request withHeader(SigV4.Request request, String name, UnaryOperator<String> change) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        List<String> values = new ArrayList<>();
        values.add(change.apply(request.header(name)));
        headers.put(name, values);
        return new SigV4.Request(request.method(), request.rawPath(), request.rawQuery(), headers);
    }
}
