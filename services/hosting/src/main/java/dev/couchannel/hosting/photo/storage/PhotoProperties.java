package dev.couchannel.hosting.photo.storage;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code couchannel.hosting.photos.*}: the limits and the S3-compatible storage of venue photos (ADR 15).
 *
 * @param maxBytes the largest photo accepted (the request size limit of the upload path follows it)
 * @param maxPerVenue the most photos a venue may have
 * @param s3 where the bytes go
 */
@ConfigurationProperties("couchannel.hosting.photos")
public record PhotoProperties(long maxBytes, int maxPerVenue, S3 s3) {

    /**
     * @param endpoint the S3 API's base URL; empty for AWS's own endpoint of the region
     * @param region the signing region
     * @param bucket the bucket, created on first use when missing
     * @param accessKey the access key; empty to use the SDK's default credential chain (environment, instance role)
     * @param secretKey its secret
     * @param pathStyle path-style addressing ({@code endpoint/bucket/key}), as S3-compatible servers want
     */
    public record S3(
            @Nullable URI endpoint,
            String region,
            String bucket,
            @Nullable String accessKey,
            @Nullable String secretKey,
            boolean pathStyle) {}
}
