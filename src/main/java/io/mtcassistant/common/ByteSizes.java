package io.mtcassistant.common;

import java.util.Locale;

/** A byte count in the words people read (binary units: 1.0 KiB, 512 MiB), the same on screen and on the command line. */
public final class ByteSizes {

    private ByteSizes() {
    }

    public static String words(long n) {
        if (n < 0) {
            return "unknown";
        }
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = n;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
