package io.mtcassistant.sim.storage;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S3 REST operations of the simulated server, path-style only ({@code /BUCKET/KEY}): ListBuckets, HeadBucket,
 * GetBucketLocation, ListObjects v1/v2, CreateBucket, DeleteBucket, PutObject, GetObject, HeadObject, DeleteObject.
 * Every request must carry a valid SigV4 header signature; every key may do everything. Anything else answers 501
 * NotImplemented rather than pretending.
 */
final class S3Operations implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(S3Operations.class);
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final InMemoryBuckets buckets;
    private final SigV4Verification verification;
    private final String region;
    private final int maxObjectBytes;
    private final AtomicLong requests = new AtomicLong();

    S3Operations(InMemoryBuckets buckets, SigV4Verification verification, String region, int maxObjectBytes) {
        this.buckets = buckets;
        this.verification = verification;
        this.region = region;
        this.maxObjectBytes = maxObjectBytes;
    }

    /** One request: the parts of its path-style URI, decoded. */
    private record Request(HttpExchange exchange, String method, String bucket, String key, Map<String, String> query) {

        boolean head() {
            return "HEAD".equals(method);
        }

        Headers headers() {
            return exchange.getRequestHeaders();
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = String.format("SIM%013X", requests.incrementAndGet());
        exchange.getResponseHeaders().set("x-amz-request-id", requestId);
        exchange.getResponseHeaders().set("Server", "MTCAssistantSimulatedS3");
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        try (exchange) {
            try {
                Request request = parse(exchange, method, rawPath);
                SignedRequest signed = verification.verify(method, rawPath, exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders());
                route(request, signed);
                LOG.debug("{} {} -> {}", method, rawPath, exchange.getResponseCode());
            } catch (S3Failure failure) {
                LOG.debug("{} {} -> {} {}", method, rawPath, failure.status(), failure.code());
                error(exchange, "HEAD".equals(method), failure, rawPath, requestId);
            } catch (RuntimeException e) {
                LOG.warn("The simulated S3 server failed on {} {}", method, rawPath, e);
                error(exchange, "HEAD".equals(method), new S3Failure(500, "InternalError",
                        "The simulated S3 server failed: " + e), rawPath, requestId);
            }
        } catch (IOException e) {
            // the client went away mid-request (or sent no HTTP at all, as a TLS probe does)
            LOG.debug("{} {}: {}", method, rawPath, e.toString());
        }
    }

    private static Request parse(HttpExchange exchange, String method, String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String part : rawQuery.split("&")) {
                if (!part.isEmpty()) {
                    int equals = part.indexOf('=');
                    query.putIfAbsent(SigV4.percentDecode(equals < 0 ? part : part.substring(0, equals)),
                            equals < 0 ? "" : SigV4.percentDecode(part.substring(equals + 1)));
                }
            }
        }
        String rest = path.substring(1);
        int slash = rest.indexOf('/');
        String bucket = rest.isEmpty() ? null : SigV4.percentDecode(slash < 0 ? rest : rest.substring(0, slash));
        String key = slash < 0 || slash == rest.length() - 1 ? null : SigV4.percentDecode(rest.substring(slash + 1));
        return new Request(exchange, method, bucket, key, query);
    }

    private void route(Request request, SignedRequest signed) throws IOException {
        if (request.bucket() == null) {
            if (!"GET".equals(request.method())) {
                throw new S3Failure(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
            }
            listBuckets(request);
        } else if (request.key() == null) {
            bucketOperation(request);
        } else {
            objectOperation(request, signed);
        }
    }

    private void bucketOperation(Request request) throws IOException {
        String bucket = request.bucket();
        Map<String, String> query = request.query();
        switch (request.method()) {
            case "HEAD" -> {
                if (!buckets.exists(bucket)) {
                    throw InMemoryBuckets.noSuchBucket(bucket);
                }
                request.exchange().getResponseHeaders().set("x-amz-bucket-region", region);
                empty(request.exchange(), 200);
            }
            case "GET" -> {
                if (query.containsKey("location")) {
                    buckets.objects(bucket);
                    xml(request.exchange(), S3Xml.document("LocationConstraint").raw(
                            "us-east-1".equals(region) ? "" : region).end("LocationConstraint"));
                    return;
                }
                query.keySet().stream().filter(name -> !BucketListing.PARAMETERS.contains(name)).findFirst()
                        .ifPresent(name -> {
                            throw S3Failure.notImplemented("The bucket subresource ?" + name);
                        });
                xml(request.exchange(), BucketListing.list(bucket, buckets.objects(bucket), query));
            }
            case "PUT" -> {
                noSubresource(request, "bucket");
                if (!BUCKET_NAME.matcher(bucket).matches()) {
                    throw S3Failure.badRequest("InvalidBucketName", "The specified bucket is not valid: " + bucket);
                }
                request.exchange().getRequestBody().readAllBytes();
                if (!buckets.create(bucket)) {
                    throw new S3Failure(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named "
                            + "bucket succeeded and you already own it.");
                }
                request.exchange().getResponseHeaders().set("Location", "/" + bucket);
                empty(request.exchange(), 200);
            }
            case "DELETE" -> {
                noSubresource(request, "bucket");
                buckets.deleteBucket(bucket);
                empty(request.exchange(), 204);
            }
            default -> throw S3Failure.notImplemented(request.method() + " on a bucket"
                    + (query.isEmpty() ? "" : " (?" + String.join("&", query.keySet()) + ")"));
        }
    }

    private void objectOperation(Request request, SignedRequest signed) throws IOException {
        String bucket = request.bucket();
        String key = request.key();
        switch (request.method()) {
            case "PUT" -> {
                noSubresource(request, "object");
                if (request.headers().containsKey("x-amz-copy-source")) {
                    throw S3Failure.notImplemented("CopyObject");
                }
                buckets.objects(bucket);
                byte[] content = new S3Payload(signed, request.headers(), maxObjectBytes)
                        .read(request.exchange().getRequestBody());
                String etag = "\"" + SigV4.hex(S3Checksums.md5(content)) + "\"";
                String type = request.headers().getFirst("Content-Type");
                buckets.put(bucket, key, new StoredObject(content, type == null ? "binary/octet-stream" : type, etag,
                        Instant.now(), userMetadata(request.headers())));
                request.exchange().getResponseHeaders().set("ETag", etag);
                empty(request.exchange(), 200);
            }
            case "GET", "HEAD" -> {
                request.query().keySet().stream().filter(name -> !name.startsWith("response-")).findFirst()
                        .ifPresent(name -> {
                            throw S3Failure.notImplemented("GetObject with ?" + name);
                        });
                if (request.headers().containsKey("Range")) {
                    throw S3Failure.notImplemented("A ranged GetObject");
                }
                StoredObject object = buckets.get(bucket, key).orElseThrow(() -> new S3Failure(404, "NoSuchKey",
                        "The specified key does not exist."));
                Headers reply = request.exchange().getResponseHeaders();
                reply.set("Content-Type", object.contentType());
                reply.set("ETag", object.etag());
                reply.set("Last-Modified", HTTP_DATE.format(object.lastModified()));
                object.metadata().forEach(reply::set);
                if (request.head()) {
                    reply.set("Content-Length", Integer.toString(object.content().length));
                    empty(request.exchange(), 200);
                } else {
                    send(request.exchange(), 200, object.content());
                }
            }
            case "DELETE" -> {
                noSubresource(request, "object");
                buckets.delete(bucket, key);
                empty(request.exchange(), 204);
            }
            default -> throw S3Failure.notImplemented(request.method() + " on an object (multipart uploads and "
                    + "the like)");
        }
    }

    private static void noSubresource(Request request, String on) {
        if (!request.query().isEmpty()) {
            throw S3Failure.notImplemented(request.method() + " on an " + on + " with ?"
                    + String.join("&", request.query().keySet()));
        }
    }

    private void listBuckets(Request request) throws IOException {
        S3Xml xml = S3Xml.document("ListAllMyBucketsResult").open("Owner").element("ID", "simulated")
                .element("DisplayName", "simulated").close("Owner").open("Buckets");
        for (String name : buckets.names()) {
            xml.open("Bucket").element("Name", name).element("CreationDate", S3Xml.timestamp(buckets.created(name)))
                    .close("Bucket");
        }
        xml(request.exchange(), xml.close("Buckets").end("ListAllMyBucketsResult"));
    }

    private static Map<String, String> userMetadata(Headers headers) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-meta-") && !header.getValue().isEmpty()) {
                metadata.put(name, header.getValue().get(0));
            }
        }
        return metadata;
    }

    private static void error(HttpExchange exchange, boolean head, S3Failure failure, String resource, String requestId)
            throws IOException {
        if (head) {
            // HEAD replies carry no body: clients classify on the status alone
            empty(exchange, failure.status());
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        send(exchange, failure.status(), S3Xml.error(failure.code(), failure.getMessage(), resource, requestId)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void xml(HttpExchange exchange, String document) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/xml");
        send(exchange, 200, document.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body.length == 0) {
            empty(exchange, status);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A reply without a body ({@code -1}: the JDK server writes Content-Length 0, or none for 204 and HEAD). */
    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }
}
