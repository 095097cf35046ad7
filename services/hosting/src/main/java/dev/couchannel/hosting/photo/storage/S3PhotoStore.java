package dev.couchannel.hosting.photo.storage;

import dev.couchannel.hosting.photo.ImageType;
import dev.couchannel.hosting.photo.PhotoStore;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The photo store on any S3-compatible service, by the S3 API. The bucket is created on the first write that finds
 * it missing, so hosting starts even while the storage is still coming up.
 */
@Component
class S3PhotoStore implements PhotoStore {

    private static final Logger log = LoggerFactory.getLogger(S3PhotoStore.class);

    private final S3Client s3;
    private final String bucket;
    private final AtomicBoolean bucketKnown = new AtomicBoolean();

    S3PhotoStore(S3Client photoS3Client, PhotoProperties properties) {
        this.s3 = photoS3Client;
        this.bucket = properties.s3().bucket();
    }

    @Override
    public void put(String key, byte[] content, ImageType type) {
        if (!bucketKnown.get()) {
            ensureBucket();
            bucketKnown.set(true);
        }
        s3.putObject(
                request -> request.bucket(bucket)
                        .key(key)
                        .contentType(type.mediaType())
                        .contentLength((long) content.length),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<InputStream> open(String key) {
        try {
            return Optional.of(s3.getObject(request -> request.bucket(bucket).key(key)));
        } catch (NoSuchKeyException | NoSuchBucketException missing) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException | NoSuchBucketException missing) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    private void ensureBucket() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(request -> request.bucket(bucket));
                log.info("created the photo bucket {}", bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another instance created it meanwhile
            }
        }
    }
}
