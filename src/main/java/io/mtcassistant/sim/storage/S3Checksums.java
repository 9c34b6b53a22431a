package io.mtcassistant.sim.storage;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The object checksums S3 verifies on upload: {@code x-amz-checksum-crc32 | crc32c | crc64nvme | sha1 | sha256} (as a
 * header or an aws-chunked trailer) and {@code Content-MD5}, each base64 of the big-endian digest.
 */
final class S3Checksums {

    static final String HEADER_PREFIX = "x-amz-checksum-";
    /** CRC-64/NVME's polynomial, bit-reflected (0xad93d23594c93659 reversed). */
    private static final long CRC64_NVME_REFLECTED = 0x9a6c9329ac4bc9b5L;

    private S3Checksums() {
    }

    /** Fails with BadDigest when {@code header}'s value is not the checksum of {@code content}. */
    static void verify(String header, String value, byte[] content) {
        String algorithm = header.toLowerCase(Locale.ROOT).substring(HEADER_PREFIX.length());
        byte[] expected = digest(algorithm, content).orElseThrow(() -> S3Failure.badRequest("InvalidRequest",
                "The checksum algorithm " + algorithm + " is not supported"));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw S3Failure.badRequest("InvalidRequest", "Value for " + header + " is not valid base64");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw S3Failure.badRequest("BadDigest", "The " + header + " you specified did not match the calculated checksum.");
        }
    }

    /** Fails with BadDigest when the Content-MD5 header does not match. */
    static void verifyMd5(String value, byte[] content) {
        byte[] given;
        try {
            given = Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw S3Failure.badRequest("InvalidDigest", "The Content-MD5 you specified is not valid.");
        }
        if (!MessageDigest.isEqual(md5(content), given)) {
            throw S3Failure.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.");
        }
    }

    static byte[] md5(byte[] content) {
        return hash("MD5", content);
    }

    static Optional<byte[]> digest(String algorithm, byte[] content) {
        return switch (algorithm) {
            case "crc32" -> {
                CRC32 crc = new CRC32();
                crc.update(content);
                yield Optional.of(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            case "crc32c" -> {
                CRC32C crc = new CRC32C();
                crc.update(content);
                yield Optional.of(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
            }
            case "crc64nvme" -> Optional.of(ByteBuffer.allocate(8).putLong(crc64Nvme(content)).array());
            case "sha1" -> Optional.of(hash("SHA-1", content));
            case "sha256" -> Optional.of(hash("SHA-256", content));
            default -> Optional.empty();
        };
    }

    /** CRC-64/NVME (reflected, init and final XOR all ones), bit by bit: objects here are small. */
    static long crc64Nvme(byte[] content) {
        long crc = -1L;
        for (byte b : content) {
            crc ^= b & 0xffL;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ CRC64_NVME_REFLECTED : crc >>> 1;
            }
        }
        return ~crc;
    }

    private static byte[] hash(String algorithm, byte[] content) {
        try {
            return MessageDigest.getInstance(algorithm).digest(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
