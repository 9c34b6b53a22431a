package io.mtcassistant.sim.storage;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an upload's body the way its {@code x-amz-content-sha256} says it was signed: a hex SHA-256 (checked),
 * UNSIGNED-PAYLOAD, or one of the {@code aws-chunked} streaming forms the AWS SDK sends over plain HTTP
 * (STREAMING-AWS4-HMAC-SHA256-PAYLOAD with a signature per chunk, its -TRAILER variant with a signed trailer, and
 * STREAMING-UNSIGNED-PAYLOAD-TRAILER), decoding the chunks and verifying every signature and checksum on the way.
 */
final class S3Payload {

    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    static final String SIGNED_CHUNKS = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String SIGNED_CHUNKS_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_LINE = 8 * 1024;
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final SignedRequest signed;
    private final Headers headers;
    private final int maxBytes;

    S3Payload(SignedRequest signed, Headers headers, int maxBytes) {
        this.signed = signed;
        this.headers = headers;
        this.maxBytes = maxBytes;
    }

    /** The decoded object content; an S3Failure for what a real server rejects. */
    byte[] read(InputStream body) throws IOException {
        String mode = headers.getFirst("x-amz-content-sha256");
        byte[] content;
        Map<String, String> trailers = Map.of();
        if (SHA256_HEX.matcher(mode).matches()) {
            content = readAll(body);
            if (!SigV4.sha256Hex(content).equals(mode)) {
                throw S3Failure.badRequest("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header "
                        + "does not match what was computed.");
            }
        } else if (UNSIGNED.equals(mode)) {
            content = readAll(body);
        } else if (SIGNED_CHUNKS.equals(mode) || SIGNED_CHUNKS_TRAILER.equals(mode) || UNSIGNED_TRAILER.equals(mode)) {
            trailers = new LinkedHashMap<>();
            content = chunks(body, !UNSIGNED_TRAILER.equals(mode), !SIGNED_CHUNKS.equals(mode), trailers);
        } else if (mode.startsWith("STREAMING-")) {
            throw S3Failure.notImplemented("The upload form " + mode);
        } else {
            throw S3Failure.badRequest("InvalidArgument", "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                    + "STREAMING-... or a hex SHA-256, not " + mode);
        }
        for (String name : trailerNames()) {
            if (!trailers.containsKey(name)) {
                throw S3Failure.badRequest("MalformedTrailerError", "The request names trailer " + name
                        + " in x-amz-trailer but the body does not carry it");
            }
        }
        for (Map.Entry<String, String> trailer : trailers.entrySet()) {
            if (trailer.getKey().startsWith(S3Checksums.HEADER_PREFIX)) {
                S3Checksums.verify(trailer.getKey(), trailer.getValue(), content);
            }
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(S3Checksums.HEADER_PREFIX) && !name.equals("x-amz-checksum-algorithm")
                    && !name.equals("x-amz-checksum-type")) {
                S3Checksums.verify(name, header.getValue().get(0), content);
            }
        }
        String md5 = headers.getFirst("Content-MD5");
        if (md5 != null) {
            S3Checksums.verifyMd5(md5, content);
        }
        return content;
    }

    private List<String> trailerNames() {
        String declared = headers.getFirst("x-amz-trailer");
        return declared == null ? List.of() : List.of(declared.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    }

    private byte[] chunks(InputStream body, boolean chunkSignatures, boolean trailer, Map<String, String> trailers)
            throws IOException {
        String decodedLength = headers.getFirst("x-amz-decoded-content-length");
        if (decodedLength == null) {
            throw new S3Failure(411, "MissingContentLength", "aws-chunked uploads must give x-amz-decoded-content-length");
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        String previous = signed.seedSignature();
        while (true) {
            String line = line(body);
            if (line == null) {
                throw incomplete("the body ends before its last (zero-length) chunk");
            }
            int semicolon = line.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw incomplete("a chunk header is not hex-size[;chunk-signature=...]");
            }
            if (size < 0 || content.size() + (long) size > maxBytes) {
                throw tooLarge();
            }
            byte[] data = body.readNBytes(size);
            if (data.length != size) {
                throw incomplete("a chunk is shorter than its header says");
            }
            if (chunkSignatures) {
                String given = semicolon < 0 ? "" : extension(line.substring(semicolon + 1), "chunk-signature");
                String expected = signed.chainSignature("AWS4-HMAC-SHA256-PAYLOAD", previous, SigV4.EMPTY_SHA256,
                        SigV4.sha256Hex(data));
                requireSignature(expected, given, "a chunk's signature");
                previous = given;
            }
            content.write(data);
            if (size == 0) {
                break;
            }
            String end = line(body);
            if (end == null || !end.isEmpty()) {
                throw incomplete("a chunk's data is not followed by CRLF");
            }
        }
        readTrailers(body, trailer, chunkSignatures, previous, trailers);
        if (!decodedLength.strip().equals(Integer.toString(content.size()))) {
            throw incomplete("x-amz-decoded-content-length is " + decodedLength + ", the chunks hold " + content.size()
                    + " bytes");
        }
        return content.toByteArray();
    }

    /** After the zero-length chunk: trailer lines (when announced), then an empty line (or the end of the body). */
    private void readTrailers(InputStream body, boolean trailer, boolean signedTrailer, String previous,
            Map<String, String> trailers) throws IOException {
        StringBuilder canonical = new StringBuilder();
        String signature = null;
        for (String line = line(body); line != null && !line.isEmpty(); line = line(body)) {
            int colon = line.indexOf(':');
            if (!trailer || colon <= 0) {
                throw incomplete("unexpected data after the last chunk");
            }
            String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals(TRAILER_SIGNATURE)) {
                signature = value;
            } else {
                trailers.put(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (trailer && signedTrailer) {
            String expected = signed.chainSignature("AWS4-HMAC-SHA256-TRAILER", previous,
                    SigV4.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8)));
            requireSignature(expected, signature == null ? "" : signature, "the trailer's signature");
        }
    }

    private static void requireSignature(String expected, String given, String what) {
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw new S3Failure(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided (" + what + ").");
        }
    }

    private static String extension(String extensions, String name) {
        for (String part : extensions.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).strip().equals(name)) {
                return part.substring(equals + 1).strip();
            }
        }
        return "";
    }

    /** One CRLF-terminated line without its CRLF; null at the end of the body. */
    private static String line(InputStream body) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        for (int b = body.read(); b >= 0; b = body.read()) {
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw incomplete("a chunk header or trailer line is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
            previous = b;
        }
        if (line.size() > 0) {
            throw incomplete("the body ends inside a line");
        }
        return null;
    }

    private byte[] readAll(InputStream body) throws IOException {
        byte[] content = body.readNBytes(maxBytes + 1);
        if (content.length > maxBytes) {
            throw tooLarge();
        }
        return content;
    }

    private S3Failure tooLarge() {
        return S3Failure.badRequest("EntityTooLarge", "The simulated S3 server keeps objects in memory: at most "
                + maxBytes + " bytes each");
    }

    private static S3Failure incomplete(String why) {
        return S3Failure.badRequest("IncompleteBody", "The aws-chunked body is malformed: " + why);
    }
}
