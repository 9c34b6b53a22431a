package io.mtcassistant.sim.storage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The primitives of AWS Signature Version 4 as S3 applies them: hashes, HMAC, the signing key, URI encoding. */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String EMPTY_SHA256 = sha256Hex(new byte[0]);

    private SigV4() {
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    static byte[] signingKey(String secretAccessKey, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), utf8(date));
        key = hmac(key, utf8(region));
        key = hmac(key, utf8(service));
        return hmac(key, utf8("aws4_request"));
    }

    /** Percent-encodes every byte but A-Z a-z 0-9 - . _ ~ (and '/' when {@code keepSlash}), upper-case hex. */
    static String uriEncode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(text)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_'
                    || c == '~' || keepSlash && c == '/') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Undoes percent-encoding only ('+' stays a plus: S3 clients encode a space as %20). */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = utf8(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '%') {
                out.write(bytes[i]);
                continue;
            }
            int value = i + 2 < bytes.length
                    ? Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16) : -1;
            if (value < 0) {
                throw S3Failure.badRequest("InvalidURI", "Couldn't parse the specified URI");
            }
            out.write(value);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
