package dev.couchannel.hosting.photo.web;

import dev.couchannel.hosting.photo.ImageType;
import dev.couchannel.hosting.photo.Photo;
import dev.couchannel.hosting.photo.PhotoStore;
import dev.couchannel.hosting.photo.Photos;
import dev.couchannel.hosting.photo.application.AddPhoto;
import dev.couchannel.hosting.photo.application.PhotoLimits;
import dev.couchannel.hosting.photo.application.RemovePhoto;
import dev.couchannel.hosting.venue.Venues;
import dev.couchannel.platform.service.ApiProblem;
import dev.couchannel.platform.service.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * {@code /api/venues/{id}/photos} of the public API (contracts/openapi). An upload is the image's raw bytes as the
 * request body, {@code Content-Type: image/jpeg}, {@code image/png} or {@code image/webp} (or
 * {@code application/octet-stream}); no multipart form. The bytes decide the type, never the header. Photos are served
 * by hosting itself from the store, immutable and cacheable, so their URLs work through the gateway like any other.
 */
@RestController
class PhotoController {

    private static final Logger log = LoggerFactory.getLogger(PhotoController.class);

    /** Photos never change (a new picture is a new id): browsers and proxies may keep them. */
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private static final String TYPES = "image/jpeg, image/png or image/webp";

    private final Venues venues;
    private final Photos photos;
    private final PhotoStore store;
    private final AddPhoto addPhoto;
    private final RemovePhoto removePhoto;
    private final PhotoLimits limits;

    PhotoController(
            Venues venues,
            Photos photos,
            PhotoStore store,
            AddPhoto addPhoto,
            RemovePhoto removePhoto,
            PhotoLimits limits) {
        this.venues = venues;
        this.photos = photos;
        this.store = store;
        this.addPhoto = addPhoto;
        this.removePhoto = removePhoto;
        this.limits = limits;
    }

    record PhotoView(UUID id, String url, String contentType, long sizeBytes, Instant uploadedAt) {

        static PhotoView of(Photo photo) {
            return new PhotoView(
                    photo.id(), url(photo), photo.type().mediaType(), photo.sizeBytes(), photo.uploadedAt());
        }

        /** Relative to the public API's origin (the gateway), where anyone may fetch it. */
        static String url(Photo photo) {
            return "/api/venues/" + photo.venueId() + "/photos/" + photo.id();
        }
    }

    @PostMapping("/api/venues/{id}/photos")
    ResponseEntity<PhotoView> upload(@PathVariable UUID id, HttpServletRequest http) throws IOException {
        Caller caller = Caller.require(http).requireRole("add venue photos", Caller.HOST, Caller.ADMIN);
        Optional<ImageType> declared = declaredType(http.getContentType());
        if (http.getContentLengthLong() > limits.maxBytes()) {
            throw tooLarge();
        }
        byte[] content;
        try (InputStream body = http.getInputStream()) {
            // never more than the limit and one byte in memory, whatever the client sends
            content = body.readNBytes(Math.toIntExact(limits.maxBytes() + 1));
        }
        if (content.length == 0) {
            throw ApiProblem.badRequest("The body is empty; send the image's bytes as the request body.");
        }
        if (content.length > limits.maxBytes()) {
            throw tooLarge();
        }
        ImageType type = ImageType.sniff(content)
                .orElseThrow(() -> unsupported("The body is not a JPEG, PNG or WebP image (judged by its first "
                        + "bytes, not by its name or Content-Type); send one of those."));
        if (declared.isPresent() && declared.get() != type) {
            throw unsupported("The body is " + type.mediaType() + " but was sent as "
                    + declared.get().mediaType() + "; send the Content-Type of the image.");
        }
        return switch (addPhoto.add(id, caller.id(), caller.isAdmin(), content, type)) {
            case AddPhoto.Added added ->
                ResponseEntity.created(URI.create(PhotoView.url(added.photo()))).body(PhotoView.of(added.photo()));
            case AddPhoto.NoSuchVenue ignored -> throw ApiProblem.notFound("venue", id);
            case AddPhoto.Full full ->
                throw ApiProblem.conflict(
                        "A venue has at most " + full.maxPerVenue() + " photos; delete one before adding another.");
        };
    }

    @GetMapping("/api/venues/{id}/photos")
    List<PhotoView> list(@PathVariable UUID id) {
        if (venues.find(id).isEmpty()) {
            throw ApiProblem.notFound("venue", id);
        }
        return photos.ofVenue(id).stream().map(PhotoView::of).toList();
    }

    @GetMapping("/api/venues/{id}/photos/{photoId}")
    @Nullable
    ResponseEntity<Resource> get(
            @PathVariable UUID id, @PathVariable UUID photoId, HttpServletRequest http, HttpServletResponse response) {
        Photo photo = photos.find(id, photoId).orElseThrow(() -> ApiProblem.notFound("photo", photoId));
        String etag = "\"" + photo.id() + "\"";
        if (new ServletWebRequest(http, response).checkNotModified(etag)) {
            response.setHeader("Cache-Control", IMMUTABLE.getHeaderValue());
            return null; // 304, nothing read from the store
        }
        InputStream bytes = store.open(photo.storageKey()).orElseThrow(() -> {
            log.error("photo {} is listed but its object {} is missing", photoId, photo.storageKey());
            return ApiProblem.notFound("photo", photoId);
        });
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.type().mediaType()))
                .contentLength(photo.sizeBytes())
                .cacheControl(IMMUTABLE)
                .eTag(etag)
                .body(new InputStreamResource(bytes));
    }

    @DeleteMapping("/api/venues/{id}/photos/{photoId}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable UUID photoId, HttpServletRequest http) {
        Caller caller = Caller.require(http).requireRole("remove venue photos", Caller.HOST, Caller.ADMIN);
        if (!removePhoto.remove(id, photoId, caller.id(), caller.isAdmin())) {
            // another host's venue is indistinguishable from a missing one
            throw ApiProblem.notFound("photo", photoId);
        }
        return ResponseEntity.noContent().build();
    }

    /** The image type the client named; empty for none or application/octet-stream; 415 for anything else. */
    private static Optional<ImageType> declaredType(@Nullable String contentType) {
        if (contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(ImageType.ofMediaType(contentType)
                .orElseThrow(() -> unsupported("Send the image's raw bytes as the body with Content-Type " + TYPES
                        + " (not " + contentType.split(";", 2)[0] + "; no multipart forms).")));
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Photo too large",
                "A photo is at most " + limits.maxBytes() + " bytes; send a smaller image.",
                Map.of("maxBytes", limits.maxBytes()));
    }

    private static ApiProblem unsupported(String detail) {
        return new ApiProblem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Unsupported image",
                detail,
                Map.of("accepted", List.of("image/jpeg", "image/png", "image/webp")));
    }
}
