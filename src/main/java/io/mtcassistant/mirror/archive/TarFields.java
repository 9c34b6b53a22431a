package io.mtcassistant.mirror.archive;

import java.nio.charset.StandardCharsets;

/** Reading the fields of a 512-byte tar header (ustar, with GNU base-256 sizes); shared by the tar readers. */
public final class TarFields {

    private TarFields() {
    }

    /** The end of an archive is marked by all-zero blocks. */
    public static boolean allZero(byte[] header) {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The entry's size: octal text, or base-256 when the high bit is set (files over 8 GiB). */
    public static long size(byte[] header) {
        if ((header[124] & 0x80) != 0) {
            long v = 0;
            for (int i = 128; i < 136; i++) {
                v = (v << 8) | (header[i] & 0xff);
            }
            return v;
        }
        String s = string(header, 124, 12).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    /** A NUL-terminated text field. */
    public static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }
}
