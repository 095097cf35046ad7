package dev.couchannel.hosting.photo;

import java.io.InputStream;
import java.util.Optional;

/** Where the bytes of photos live (port): an S3-compatible object store. */
public interface PhotoStore {

    /** Stores the bytes under the key, replacing nothing (keys are fresh). */
    void put(String key, byte[] content, ImageType type);

    /** The bytes, to be closed by the caller; empty when there is no such object. */
    Optional<InputStream> open(String key);

    /** Whether an object exists under the key. */
    boolean exists(String key);

    /** Removes the object; nothing happens when there is none. */
    void delete(String key);
}
