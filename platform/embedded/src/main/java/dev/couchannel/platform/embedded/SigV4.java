package dev.couchannel.platform.embedded;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks the AWS Signature Version 4 of an S3 request in the {@code Authorization} header: rebuilds the canonical
 * request and the string to sign from what arrived and compares the signature the shared secret gives with the one
 * sent, in constant time. Query-string (pre-signed) authentication is not accepted.
 *
 * <p>The payload itself is checked later, by whoever reads the body: {@link #payloadHash} says what its SHA-256 must
 * be ({@code null} for {@code UNSIGNED-PAYLOAD}). Streaming (aws-chunked) payload signatures are refused as not
 * implemented; S3 clients turn them off with their "chunked encoding" setting.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    /** How far a request's {@code x-amz-date} may be from the server's clock, as S3 allows. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*"
            + "SignedHeaders=([^,\\s]+)\\s*,\\s*Signature=([0-9a-f]{64})\\s*");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {}

    /**
     * A request as it arrived.
     *
     * @param method the HTTP method
     * @param rawPath the path exactly as sent (still percent-encoded): S3 signs it encoded once
     * @param rawQuery the query string as sent, {@code null} or empty for none
     * @param headers header names in lower case, values in the order received
     */
    record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }

    /** The access key and its secret. */
    record Credentials(String accessKey, String secretKey) {}

    /** The outcome of a check. */
    sealed interface Result {}

    /**
     * The signature holds.
     *
     * @param payloadHash the hex SHA-256 the body must have, or {@code null} when the client left it unsigned
     */
    record Verified(String payloadHash) implements Result {}

    /**
     * The request is refused.
     *
     * @param status the HTTP status S3 answers with
     * @param code S3's error code, e.g. {@code SignatureDoesNotMatch}
     * @param message what is wrong
     */
    record Refused(int status, String code, String message) implements Result {}

    static Result verify(Request request, Credentials credentials, String region, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return new Refused(403, "AccessDenied", "Anonymous access is not allowed; sign the request (SigV4).");
        }
        Matcher parts = AUTHORIZATION.matcher(authorization.strip());
        if (!parts.matches()) {
            return new Refused(400, "AuthorizationHeaderMalformed", "The Authorization header is not " + ALGORITHM);
        }
        String[] credential = parts.group(1).split("/");
        if (credential.length != 5 || !credential[4].equals("aws4_request")) {
            return new Refused(400, "AuthorizationHeaderMalformed", "The credential scope is malformed.");
        }
        if (!credential[0].equals(credentials.accessKey())) {
            return new Refused(403, "InvalidAccessKeyId", "The access key id is not known to this server.");
        }
        if (!credential[2].equals(region) || !credential[3].equals("s3")) {
            return new Refused(
                    400,
                    "AuthorizationHeaderMalformed",
                    "The credential scope must be for region '" + region + "' and service 's3'.");
        }
        String amzDate = request.header("x-amz-date");
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate == null ? "" : amzDate, AMZ_DATE)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Refused(403, "AccessDenied", "The request needs an x-amz-date header (yyyyMMddTHHmmssZ).");
        }
        if (!amzDate.startsWith(credential[1])) {
            return new Refused(400, "AuthorizationHeaderMalformed", "The credential date is not the x-amz-date's.");
        }
        if (Duration.between(signedAt, now).abs().compareTo(MAX_SKEW) > 0) {
            return new Refused(
                    403,
                    "RequestTimeTooSkewed",
                    "The difference between the request time and the server's is too large.");
        }
        String contentHash = request.header("x-amz-content-sha256");
        if (contentHash == null) {
            return new Refused(400, "InvalidRequest", "The request needs an x-amz-content-sha256 header.");
        }
        if (contentHash.startsWith("STREAMING-")) {
            return new Refused(
                    501,
                    "NotImplemented",
                    "Streaming (aws-chunked) payload signatures are not supported; turn chunked encoding off.");
        }
        if (!contentHash.equals(UNSIGNED_PAYLOAD)
                && !HEX_SHA256.matcher(contentHash).matches()) {
            return new Refused(
                    400, "InvalidArgument", "x-amz-content-sha256 must be a hex SHA-256 or UNSIGNED-PAYLOAD.");
        }
        List<String> signedHeaders = List.of(parts.group(2).split(";"));
        if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
            return new Refused(400, "AuthorizationHeaderMalformed", "The host and x-amz-date headers must be signed.");
        }
        for (String name : signedHeaders) {
            if (!request.headers().containsKey(name)) {
                return new Refused(403, "SignatureDoesNotMatch", "The signed header '" + name + "' is missing.");
            }
        }

        String canonicalRequest = canonicalRequest(request, signedHeaders, contentHash);
        String scope = String.join("/", credential[1], credential[2], credential[3], credential[4]);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] key = signingKey(credentials.secretKey(), credential[1], credential[2], credential[3]);
        byte[] expected = hmac(key, stringToSign);
        byte[] sent = HEX.parseHex(parts.group(3));
        if (!MessageDigest.isEqual(expected, sent)) {
            return new Refused(
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided; check your key "
                            + "and signing method.");
        }
        return new Verified(contentHash.equals(UNSIGNED_PAYLOAD) ? null : contentHash);
    }

    static String canonicalRequest(Request request, List<String> signedHeaders, String payloadHash) {
        StringBuilder canonical = new StringBuilder()
                .append(request.method())
                .append('\n')
                .append(request.rawPath().isEmpty() ? "/" : request.rawPath())
                .append('\n')
                .append(canonicalQuery(request.rawQuery()))
                .append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            canonical.append(name).append(':');
            List<String> trimmed = new ArrayList<>();
            for (String value : values) {
                trimmed.add(value.strip().replaceAll(" +", " "));
            }
            canonical.append(String.join(",", trimmed)).append('\n');
        }
        return canonical
                .append('\n')
                .append(String.join(";", signedHeaders))
                .append('\n')
                .append(payloadHash)
                .toString();
    }

    /** Parameters decoded, then encoded the way SigV4 wants (RFC 3986 unreserved kept) and sorted. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            sorted.computeIfAbsent(encode(decode(name)), ignored -> new ArrayList<>())
                    .add(encode(decode(value)));
        }
        List<String> pairs = new ArrayList<>();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value -> pairs.add(name + "=" + value)));
        return String.join("&", pairs);
    }

    static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
            }
        }
        return encoded.toString();
    }

    /** Percent-decoding without the form encoding's '+' as space (S3 clients send %20). */
    static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    static String sha256Hex(String text) {
        return HEX.formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
