package io.mtcassistant.sim.storage;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a request's {@code Authorization: AWS4-HMAC-SHA256 ...} header as S3 does: recomputes the canonical request
 * and the signature with the secret of the access key it names, so a wrong secret is a real SignatureDoesNotMatch and
 * an unknown key a real InvalidAccessKeyId. Any region in the credential scope is accepted (NooBaa ignores it too).
 */
final class SigV4Verification {

    private static final Logger LOG = LoggerFactory.getLogger(SigV4Verification.class);
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** S3's allowed clock difference between client and server. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final Function<String, Optional<String>> secrets;
    private final Clock clock;

    /** @param secrets the secret access key for an access key ID, empty for unknown IDs */
    SigV4Verification(Function<String, Optional<String>> secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The verified request; otherwise the S3Failure a real server would answer with. */
    SignedRequest verify(String method, String rawPath, String rawQuery, Headers headers) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null) {
            if (rawQuery != null && rawQuery.contains("X-Amz-Signature=")) {
                throw S3Failure.notImplemented("A presigned URL (query-string authentication)");
            }
            throw S3Failure.accessDenied("Anonymous access is not allowed: sign the request with AWS Signature Version 4");
        }
        if (!authorization.startsWith(SigV4.ALGORITHM + " ")) {
            throw S3Failure.badRequest("InvalidRequest", "Only AWS Signature Version 4 (AWS4-HMAC-SHA256) is supported");
        }
        Map<String, String> fields = Arrays.stream(authorization.substring(SigV4.ALGORITHM.length() + 1).split(","))
                .map(String::strip).filter(p -> p.indexOf('=') > 0)
                .collect(Collectors.toMap(p -> p.substring(0, p.indexOf('=')), p -> p.substring(p.indexOf('=') + 1),
                        (a, b) -> b));
        String[] credential = fields.getOrDefault("Credential", "").split("/");
        String signedHeaders = fields.get("SignedHeaders");
        String signature = fields.get("Signature");
        if (credential.length != 5 || signedHeaders == null || signature == null || !"aws4_request".equals(credential[4])) {
            throw S3Failure.badRequest("AuthorizationHeaderMalformed", "The authorization header is malformed: it needs "
                    + "Credential=KEY/DATE/REGION/s3/aws4_request, SignedHeaders and Signature");
        }
        String accessKeyId = credential[0];
        String secret = secrets.apply(accessKeyId).orElseThrow(() -> new S3Failure(403, "InvalidAccessKeyId",
                "The AWS Access Key Id you provided does not exist in our records."));
        String amzDate = amzDate(headers, credential[1]);
        if (!"s3".equals(credential[3])) {
            throw S3Failure.badRequest("AuthorizationHeaderMalformed", "The authorization header is malformed: the "
                    + "service in the credential scope must be s3, not " + credential[3]);
        }
        String contentHash = headers.getFirst("x-amz-content-sha256");
        if (contentHash == null) {
            throw S3Failure.badRequest("InvalidRequest", "Missing required header for this request: x-amz-content-sha256");
        }
        List<String> signed = List.of(signedHeaders.split(";"));
        if (!signed.contains("host")) {
            throw S3Failure.accessDenied("The host header must be signed");
        }
        String canonicalRequest = method + "\n" + canonicalUri(rawPath) + "\n" + canonicalQuery(rawQuery) + "\n"
                + canonicalHeaders(signed, headers) + "\n" + signedHeaders + "\n" + contentHash;
        String scope = String.join("/", credential[1], credential[2], credential[3], credential[4]);
        String stringToSign = SigV4.ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + SigV4.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] signingKey = SigV4.signingKey(secret, credential[1], credential[2], credential[3]);
        String expected = SigV4.hex(SigV4.hmac(signingKey, stringToSign.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            // the canonical request holds no secret; it is what one compares with the client's when debugging
            LOG.debug("SignatureDoesNotMatch; canonical request:\n{}", canonicalRequest);
            throw new S3Failure(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method.");
        }
        return new SignedRequest(accessKeyId, amzDate, scope, signingKey, signature);
    }

    private String amzDate(Headers headers, String scopeDate) {
        String amzDate = headers.getFirst("x-amz-date");
        if (amzDate == null) {
            throw S3Failure.accessDenied("AWS authentication requires a valid x-amz-date header");
        }
        Instant time;
        try {
            time = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw S3Failure.accessDenied("AWS authentication requires a valid x-amz-date header (yyyyMMddTHHmmssZ)");
        }
        if (!amzDate.startsWith(scopeDate)) {
            throw S3Failure.badRequest("AuthorizationHeaderMalformed", "The authorization header is malformed: the "
                    + "credential scope's date " + scopeDate + " is not the day of x-amz-date " + amzDate);
        }
        if (Duration.between(time, clock.instant()).abs().compareTo(MAX_SKEW) > 0) {
            throw new S3Failure(403, "RequestTimeTooSkewed", "The difference between the request time and the server's "
                    + "time is too large.");
        }
        return amzDate;
    }

    /** S3 signs the path as sent, each segment URI-encoded once (no dot-segment normalization). */
    static String canonicalUri(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : SigV4.uriEncode(SigV4.percentDecode(rawPath), true);
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int equals = part.indexOf('=');
            String name = equals < 0 ? part : part.substring(0, equals);
            String value = equals < 0 ? "" : part.substring(equals + 1);
            pairs.add(new String[] {SigV4.uriEncode(SigV4.percentDecode(name), false),
                SigV4.uriEncode(SigV4.percentDecode(value), false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(List<String> signed, Headers headers) {
        StringBuilder out = new StringBuilder();
        for (String name : signed) {
            List<String> values = headers.containsKey(name) ? headers.get(name) : List.of();
            out.append(name).append(':').append(values.stream().map(v -> v.strip().replaceAll("\\s+", " "))
                    .collect(Collectors.joining(","))).append('\n');
        }
        return out.toString();
    }
}
