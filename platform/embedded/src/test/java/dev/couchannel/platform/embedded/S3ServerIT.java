package dev.couchannel.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 server driven by the AWS SDK for Java v2, configured as hosting configures it. */
class S3ServerIT {

    @TempDir
    Path dataDir;

    @Test
    void storesReadsListsAndDeletesObjects() {
        try (S3Server server = S3Server.start(dataDir, 0);
                S3Client s3 = client(server, server.secretKey())) {
            s3.createBucket(b -> b.bucket("photos"));
            s3.headBucket(b -> b.bucket("photos"));
            byte[] photo = "not really a jpeg, but bytes".getBytes(StandardCharsets.UTF_8);

            s3.putObject(
                    b -> b.bucket("photos").key("venues/v 1/a.jpg").contentType("image/jpeg"),
                    RequestBody.fromBytes(photo));
            s3.putObject(
                    b -> b.bucket("photos").key("venues/v2/b.png").contentType("image/png"),
                    RequestBody.fromBytes(new byte[0]));

            HeadObjectResponse head = s3.headObject(b -> b.bucket("photos").key("venues/v 1/a.jpg"));
            assertThat(head.contentLength()).isEqualTo(photo.length);
            assertThat(head.contentType()).isEqualTo("image/jpeg");
            var get = s3.getObjectAsBytes(b -> b.bucket("photos").key("venues/v 1/a.jpg"));
            assertThat(get.asByteArray()).isEqualTo(photo);
            assertThat(get.response().eTag()).isEqualTo(head.eTag());
            assertThat(s3.getObjectAsBytes(b -> b.bucket("photos").key("venues/v2/b.png"))
                            .asByteArray())
                    .isEmpty();
            assertThat(s3.listObjectsV2(b -> b.bucket("photos").prefix("venues/v 1/")).contents().stream()
                            .map(S3Object::key))
                    .containsExactly("venues/v 1/a.jpg");

            s3.deleteObject(b -> b.bucket("photos").key("venues/v 1/a.jpg"));

            assertThatThrownBy(() -> s3.getObject(b -> b.bucket("photos").key("venues/v 1/a.jpg")))
                    .isInstanceOf(NoSuchKeyException.class);
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("photos").key("venues/v 1/a.jpg")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
            assertThat(s3.listObjectsV2(b -> b.bucket("photos")).contents().stream()
                            .map(S3Object::key))
                    .containsExactly("venues/v2/b.png");
        }
    }

    @Test
    void pagesListings() {
        try (S3Server server = S3Server.start(dataDir, 0);
                S3Client s3 = client(server, server.secretKey())) {
            s3.createBucket(b -> b.bucket("photos"));
            for (String key : List.of("a", "b", "c")) {
                s3.putObject(b -> b.bucket("photos").key(key), RequestBody.fromString(key));
            }

            List<String> keys = s3
                    .listObjectsV2Paginator(b -> b.bucket("photos").maxKeys(2))
                    .contents()
                    .stream()
                    .map(S3Object::key)
                    .toList();

            assertThat(keys).containsExactly("a", "b", "c");
        }
    }

    @Test
    void refusesAWrongSecretAndWritesNothing() {
        try (S3Server server = S3Server.start(dataDir, 0);
                S3Client s3 = client(server, server.secretKey());
                S3Client intruder = client(server, "guessed")) {
            s3.createBucket(b -> b.bucket("photos"));

            assertThatThrownBy(() -> intruder.putObject(b -> b.bucket("photos").key("x"), RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                        // answered at once, not after a stalled first attempt (the body is read before refusing)
                        assertThat(e.numAttempts()).isEqualTo(1);
                    });
            assertThatThrownBy(() -> intruder.listObjectsV2(b -> b.bucket("photos")))
                    .isInstanceOfSatisfying(
                            S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThat(s3.listObjectsV2(b -> b.bucket("photos")).contents()).isEmpty();
        }
    }

    @Test
    void keepsObjectsAcrossRestartsInItsDataDirectory() {
        try (S3Server server = S3Server.start(dataDir, 0);
                S3Client s3 = client(server, server.secretKey())) {
            s3.createBucket(b -> b.bucket("photos"));
            s3.putObject(b -> b.bucket("photos").key("kept"), RequestBody.fromString("still here"));
        }
        try (S3Server server = S3Server.start(dataDir, 0);
                S3Client s3 = client(server, server.secretKey())) {
            assertThat(s3.getObjectAsBytes(b -> b.bucket("photos").key("kept")).asUtf8String())
                    .isEqualTo("still here");
            assertThatThrownBy(() -> s3.headBucket(b -> b.bucket("other"))).isInstanceOf(NoSuchBucketException.class);
        }
    }

    static S3Client client(S3Server server, String secret) {
        return S3Client.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(server.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(server.accessKey(), secret)))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(true)
                        .chunkedEncodingEnabled(false)
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
