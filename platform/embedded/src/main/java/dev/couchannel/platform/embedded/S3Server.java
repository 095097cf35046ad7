package dev.couchannel.platform.embedded;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small S3-compatible object store on local disk, so that the local stack and the tests talk to storage through the
 * same S3 API (and the same AWS SDK) as production does (ADR 15).
 *
 * <p>Path-style only ({@code http://127.0.0.1:<port>/<bucket>/<key>}). Supported: CreateBucket, HeadBucket,
 * ListObjectsV2 (prefix, max-keys, start-after and continuation token), PutObject, GetObject, HeadObject,
 * DeleteObject. Every request must carry a valid AWS Signature V4 ({@link SigV4}) for the server's one access key;
 * a signed payload hash is checked against the body before an object becomes visible. Not supported (501): multipart
 * uploads, streaming (aws-chunked) signatures, ranges, versioning, ACLs, pre-signed URLs.
 *
 * <p>Each object is one file under {@code <dataDir>/<bucket>/}, named by the SHA-256 of its key and holding a small
 * header (key, content type, ETag) before the bytes. It is written to a temporary file and moved into place
 * atomically, so a reader sees the old object or the new one, never a part.
 */
public final class S3Server implements AutoCloseable {

    /** The access key of the local stack and the tests (local only; production storage has its own). */
    public static final String LOCAL_ACCESS_KEY = "couchannel-local";

    /** The secret of {@link #LOCAL_ACCESS_KEY}. */
    public static final String LOCAL_SECRET_KEY = "couchannel-local-secret";

    /** The region the server claims to be; signatures must be scoped to it. */
    public static final String REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(S3Server.class);
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final long MAX_OBJECT_BYTES = 5L * 1024 * 1024 * 1024;
    private static final int MAX_REQUEST_BODY_BYTES = 1024 * 1024;
    private static final int MAX_KEY_BYTES = 1024;
    private static final long MAX_DISCARDED_BYTES = 16L * 1024 * 1024;
    private static final String TEMP_DIR = ".tmp";
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final HttpServer server;
    private final ExecutorService executor;
    private final Path dataDir;
    private final boolean temporary;
    private final SigV4.Credentials credentials;
    private final AtomicBoolean closed = new AtomicBoolean();

    private S3Server(
            HttpServer server,
            ExecutorService executor,
            Path dataDir,
            boolean temporary,
            SigV4.Credentials credentials) {
        this.server = server;
        this.executor = executor;
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.credentials = credentials;
    }

    /**
     * Starts the server on 127.0.0.1 with the local credentials.
     *
     * @param dataDir where buckets live, kept across runs; {@code null} for a temp directory removed on close
     * @param port the port to listen on, 0 for any free port
     */
    public static S3Server start(Path dataDir, int port) {
        return start(dataDir, port, LOCAL_ACCESS_KEY, LOCAL_SECRET_KEY);
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param dataDir where buckets live, kept across runs; {@code null} for a temp directory removed on close
     * @param port the port to listen on, 0 for any free port
     * @param accessKey the one access key accepted
     * @param secretKey its secret
     */
    public static S3Server start(Path dataDir, int port, String accessKey, String secretKey) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("couchannel-s3") : Files.createDirectories(dataDir);
            HttpServer http = Ports.bind(
                    port,
                    "s3",
                    chosen -> HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), chosen), 0));
            S3Server s3 = new S3Server(http, executor, dir, temporary, new SigV4.Credentials(accessKey, secretKey));
            http.createContext("/", s3::handle);
            http.setExecutor(executor);
            http.start();
            LOG.info("s3 listening on port {}, data in {}", s3.port(), dir);
            return s3;
        } catch (IOException e) {
            executor.close();
            throw new UncheckedIOException("could not start the S3 server", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The endpoint to give an S3 client (path-style). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public String accessKey() {
        return credentials.accessKey();
    }

    public String secretKey() {
        return credentials.secretKey();
    }

    public String region() {
        return REGION;
    }

    /** Where the buckets are. */
    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server; a temporary data directory is removed. Later calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            int port = port();
            server.stop(0);
            executor.close();
            if (temporary) {
                deleteRecursively(dataDir);
            }
            LOG.info("s3 on port {} stopped", port);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                serve(exchange);
            } catch (S3Error error) {
                respondError(exchange, error);
            } catch (RuntimeException | IOException e) {
                LOG.warn("s3 request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                respondError(exchange, new S3Error(500, "InternalError", "The server failed: " + e));
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
        SigV4.Request request =
                new SigV4.Request(method, rawPath, uri.getRawQuery(), lowerCase(exchange.getRequestHeaders()));
        String payloadHash =
                switch (SigV4.verify(request, credentials, REGION, Instant.now())) {
                    case SigV4.Verified verified -> verified.payloadHash();
                    case SigV4.Refused refused ->
                        throw new S3Error(refused.status(), refused.code(), refused.message());
                };
        if (request.header("content-encoding") != null
                && request.header("content-encoding").contains("aws-chunked")) {
            throw new S3Error(501, "NotImplemented", "aws-chunked bodies are not supported.");
        }

        String path = rawPath.substring(1);
        int slash = path.indexOf('/');
        String bucket = slash < 0 ? path : path.substring(0, slash);
        String key = slash < 0 ? "" : SigV4.decode(path.substring(slash + 1));
        Map<String, String> query = query(uri.getRawQuery());
        if (bucket.isEmpty()) {
            throw new S3Error(501, "NotImplemented", "Listing buckets is not supported.");
        }
        if (!BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
            throw new S3Error(400, "InvalidBucketName", "The bucket name is not valid.");
        }
        if (query.containsKey("uploads") || query.containsKey("uploadId")) {
            throw new S3Error(501, "NotImplemented", "Multipart uploads are not supported.");
        }
        if (key.isEmpty()) {
            serveBucket(exchange, method, bucket, query, payloadHash);
        } else {
            if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
                throw new S3Error(400, "KeyTooLongError", "Keys are at most 1024 bytes.");
            }
            serveObject(exchange, method, bucket, key, payloadHash);
        }
    }

    private void serveBucket(
            HttpExchange exchange, String method, String bucket, Map<String, String> query, String payloadHash)
            throws IOException {
        Path dir = dataDir.resolve(bucket);
        switch (method) {
            case "PUT" -> {
                // a CreateBucketConfiguration body (the region) is checked against its hash, then ignored
                readSmallBody(exchange, payloadHash);
                if (Files.isDirectory(dir)) {
                    throw new S3Error(409, "BucketAlreadyOwnedByYou", "The bucket exists and is yours.");
                }
                Files.createDirectories(dir.resolve(TEMP_DIR));
                exchange.getResponseHeaders().set("Location", "/" + bucket);
                exchange.sendResponseHeaders(200, -1);
            }
            case "HEAD" -> {
                requireBucket(dir);
                exchange.getResponseHeaders().set("x-amz-bucket-region", REGION);
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET" -> {
                requireBucket(dir);
                if (!"2".equals(query.get("list-type"))) {
                    throw new S3Error(501, "NotImplemented", "Only ListObjectsV2 (list-type=2) is supported.");
                }
                respondXml(exchange, 200, listObjects(dir, bucket, query));
            }
            default -> throw new S3Error(405, "MethodNotAllowed", method + " is not supported on a bucket.");
        }
    }

    private void serveObject(HttpExchange exchange, String method, String bucket, String key, String payloadHash)
            throws IOException {
        Path dir = dataDir.resolve(bucket);
        requireBucket(dir);
        Path file = dir.resolve(fileName(key));
        switch (method) {
            case "PUT" -> {
                if (exchange.getRequestHeaders().containsKey("x-amz-copy-source")) {
                    throw new S3Error(501, "NotImplemented", "CopyObject is not supported.");
                }
                String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
                String etag = putObject(exchange, dir, file, key, contentType, payloadHash);
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET", "HEAD" -> {
                try (InputStream in = Files.newInputStream(file)) {
                    StoredObject object = StoredObject.readHeader(in);
                    Headers headers = exchange.getResponseHeaders();
                    headers.set("Content-Type", object.contentType());
                    headers.set("ETag", object.etag());
                    headers.set("Last-Modified", HTTP_DATE.format(object.lastModified()));
                    headers.set("Accept-Ranges", "none");
                    if (method.equals("HEAD")) {
                        headers.set("Content-Length", Long.toString(object.size()));
                        exchange.sendResponseHeaders(200, -1);
                        return;
                    }
                    exchange.sendResponseHeaders(200, object.size() == 0 ? -1 : object.size());
                    try (OutputStream out = exchange.getResponseBody()) {
                        in.transferTo(out);
                    }
                } catch (NoSuchFileException e) {
                    throw new S3Error(404, "NoSuchKey", "The specified key does not exist.");
                }
            }
            case "DELETE" -> {
                Files.deleteIfExists(file);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> throw new S3Error(405, "MethodNotAllowed", method + " is not supported on an object.");
        }
    }

    /** Streams the body to a temp file while hashing it; the object appears only when the hashes agree. */
    private String putObject(
            HttpExchange exchange, Path dir, Path file, String key, String contentType, String payloadHash)
            throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            throw new S3Error(411, "MissingContentLength", "PutObject needs a Content-Length.");
        }
        long length;
        try {
            length = Long.parseLong(declared);
        } catch (NumberFormatException e) {
            throw new S3Error(400, "InvalidArgument", "Content-Length is not a number.");
        }
        if (length > MAX_OBJECT_BYTES) {
            throw new S3Error(400, "EntityTooLarge", "Objects are at most 5 GiB.");
        }
        Path temp = Files.createTempFile(Files.createDirectories(dir.resolve(TEMP_DIR)), "put-", ".part");
        try {
            MessageDigest sha256 = SigV4.sha256();
            MessageDigest md5 = md5();
            long size;
            try (InputStream body = exchange.getRequestBody();
                    OutputStream out = Files.newOutputStream(temp)) {
                new StoredObject(
                                key,
                                contentType == null ? "application/octet-stream" : contentType,
                                "",
                                length,
                                Instant.now())
                        .writeHeader(out);
                size = copy(body, out, sha256, md5);
            }
            if (size != length) {
                throw new S3Error(400, "IncompleteBody", "The body is shorter than its Content-Length.");
            }
            if (payloadHash != null && !payloadHash.equals(HEX.formatHex(sha256.digest()))) {
                throw new S3Error(
                        400, "XAmzContentSHA256Mismatch", "The body's SHA-256 is not the x-amz-content-sha256 sent.");
            }
            String etag = "\"" + HEX.formatHex(md5.digest()) + "\"";
            rewriteEtag(temp, etag);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return etag;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The ETag is known after the bytes: the header has a fixed-size slot for it. */
    private static void rewriteEtag(Path temp, String etag) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(temp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.position(StoredObject.ETAG_OFFSET);
            channel.write(java.nio.ByteBuffer.wrap(StoredObject.etagSlot(etag)));
        }
    }

    private static long copy(InputStream in, OutputStream out, MessageDigest... digests) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (MessageDigest digest : digests) {
                digest.update(buffer, 0, read);
            }
            out.write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static void readSmallBody(HttpExchange exchange, String payloadHash) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_REQUEST_BODY_BYTES + 1);
        }
        if (body.length > MAX_REQUEST_BODY_BYTES) {
            throw new S3Error(400, "MaxMessageLengthExceeded", "The request body is too large.");
        }
        if (payloadHash != null
                && !payloadHash.equals(HEX.formatHex(SigV4.sha256().digest(body)))) {
            throw new S3Error(
                    400, "XAmzContentSHA256Mismatch", "The body's SHA-256 is not the x-amz-content-sha256 sent.");
        }
    }

    private static void requireBucket(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist.");
        }
    }

    private String listObjects(Path dir, String bucket, Map<String, String> query) throws IOException {
        String prefix = query.getOrDefault("prefix", "");
        String startAfter = query.getOrDefault("continuation-token", query.getOrDefault("start-after", ""));
        int maxKeys;
        try {
            maxKeys = Math.clamp(Integer.parseInt(query.getOrDefault("max-keys", "1000")), 0, 1000);
        } catch (NumberFormatException e) {
            throw new S3Error(400, "InvalidArgument", "max-keys is not a number.");
        }
        List<StoredObject> objects = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    StoredObject object = StoredObject.readHeader(in);
                    if (object.key().startsWith(prefix) && object.key().compareTo(startAfter) > 0) {
                        objects.add(object);
                    }
                } catch (NoSuchFileException deletedMeanwhile) {
                    // deleted while listing: not there
                }
            }
        }
        objects.sort(Comparator.comparing(StoredObject::key));
        boolean truncated = objects.size() > maxKeys;
        List<StoredObject> page = objects.subList(0, Math.min(maxKeys, objects.size()));
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">")
                .append(element("Name", bucket))
                .append(element("Prefix", prefix))
                .append(element("KeyCount", Integer.toString(page.size())))
                .append(element("MaxKeys", Integer.toString(maxKeys)))
                .append(element("IsTruncated", Boolean.toString(truncated)));
        if (query.containsKey("continuation-token")) {
            xml.append(element("ContinuationToken", query.get("continuation-token")));
        }
        if (truncated && !page.isEmpty()) {
            xml.append(element("NextContinuationToken", page.getLast().key()));
        }
        for (StoredObject object : page) {
            xml.append("<Contents>")
                    .append(element("Key", object.key()))
                    .append(element("LastModified", object.lastModified().toString()))
                    .append(element("ETag", object.etag()))
                    .append(element("Size", Long.toString(object.size())))
                    .append(element("StorageClass", "STANDARD"))
                    .append("</Contents>");
        }
        return xml.append("</ListBucketResult>").toString();
    }

    private static void respondError(HttpExchange exchange, S3Error error) throws IOException {
        if (exchange.getResponseCode() != -1) {
            return; // the status is on the wire already: the closed exchange tells the client
        }
        discardBody(exchange);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(error.status, -1);
            return;
        }
        String requestId = UUID.randomUUID().toString();
        respondXml(
                exchange,
                error.status,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>" + element("Code", error.code)
                        + element("Message", error.getMessage())
                        + element("Resource", exchange.getRequestURI().getRawPath())
                        + element("RequestId", requestId) + "</Error>");
    }

    /**
     * Reads what is left of a refused request's body first: a client that sent {@code Expect: 100-continue} (the AWS
     * SDK does for PutObject) is still sending it, and answering before it is read stalled such clients until their
     * read timeout. A body too large to be worth reading ends the connection instead.
     */
    private static void discardBody(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            if (length != null && Long.parseLong(length) <= MAX_DISCARDED_BYTES) {
                try (InputStream body = exchange.getRequestBody()) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
                return;
            }
        } catch (NumberFormatException | IOException e) {
            // fall through: close the connection
        }
        if (length != null) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
    }

    private static void respondXml(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static Map<String, List<String>> lowerCase(Headers headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                .addAll(values));
        return lower;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = SigV4.decode(equals < 0 ? pair : pair.substring(0, equals));
            query.putIfAbsent(name, equals < 0 ? "" : SigV4.decode(pair.substring(equals + 1)));
        }
        return query;
    }

    /** Keys may be anything up to 1 KiB: the file is named by the key's hash, the key is kept in its header. */
    private static String fileName(String key) {
        return SigV4.sha256Hex(key) + ".obj";
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", path, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete {}", dir, e);
        }
    }

    /** An S3 error answer: status, S3's code and a message. */
    private static final class S3Error extends RuntimeException {
        private final int status;
        private final String code;

        S3Error(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    /**
     * The header of an object's file: a fixed-size ETag slot (rewritten once the bytes are hashed), then the
     * key, content type, size and time as properties, then the bytes.
     */
    record StoredObject(String key, String contentType, String etag, long size, Instant lastModified) {

        static final int ETAG_OFFSET = 0;
        private static final int ETAG_SLOT = 64;

        static byte[] etagSlot(String etag) {
            byte[] slot = new byte[ETAG_SLOT];
            byte[] bytes = etag.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(bytes, 0, slot, 0, Math.min(bytes.length, ETAG_SLOT));
            return slot;
        }

        void writeHeader(OutputStream out) throws IOException {
            Properties properties = new Properties();
            properties.setProperty("key", key);
            properties.setProperty("content-type", contentType);
            properties.setProperty("size", Long.toString(size));
            properties.setProperty("last-modified", lastModified.toString());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            properties.store(text, null);
            DataOutputStream data = new DataOutputStream(out);
            data.write(etagSlot(etag));
            data.writeInt(text.size());
            text.writeTo(data);
            data.flush();
        }

        static StoredObject readHeader(InputStream in) throws IOException {
            DataInputStream data = new DataInputStream(in);
            String etag = new String(data.readNBytes(ETAG_SLOT), StandardCharsets.US_ASCII).trim();
            int length = data.readInt();
            Properties properties = new Properties();
            properties.load(new ByteArrayInputStream(data.readNBytes(length)));
            return new StoredObject(
                    properties.getProperty("key"),
                    properties.getProperty("content-type"),
                    etag.replace("\0", ""),
                    Long.parseLong(properties.getProperty("size")),
                    Instant.parse(properties.getProperty("last-modified")));
        }
    }
}
