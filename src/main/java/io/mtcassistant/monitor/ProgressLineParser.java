package io.mtcassistant.monitor;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the progress lines mig-controller writes into pipeline[].progress[], like the console (text before the
 * first colon is the resource, a trailing "(1h2m3s)" the duration, "X out of [estimated total of] Y" or "NN%" the
 * percentage, "fail" a failure, "complete"/"succe" completion) but with the counters of summary lines
 * ("1 total volumes; 0 successful; 1 running; 0 failed") read as numbers, so "0 failed" is not a failure, a count
 * that reached its total read as completed, and "waiting for ... to Complete" not read as completed.
 */
public final class ProgressLineParser {

    private static final Pattern PVC = Pattern.compile("^\\[([^\\]]+)]\\s*");
    private static final Pattern DURATION = Pattern.compile("\\((\\d+h)?(\\d+m)?(\\d+(?:\\.\\d+)?(?:s|ms))?\\)\\s*$");
    private static final Pattern OUT_OF = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*[A-Za-z]*\\s+out of\\s+(?:estimated total of\\s+)?(\\d+(?:\\.\\d+)?)");
    private static final Pattern SLASH_COUNT = Pattern.compile("^(\\d+)/(\\d+)\\s");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
    private static final Pattern RATE = Pattern.compile("Transfer rate ([^)]+)\\)");
    private static final Pattern SUMMARY_COUNTS = Pattern.compile("(\\d+) (total|successful|running|failed)");

    /** Lines repeat from one update to the next; bounded so a long watch cannot grow it without end. */
    private static final int CACHE_LIMIT = 20_000;
    private static final Map<String, ProgressLine> PARSED = new ConcurrentHashMap<>();

    private ProgressLineParser() {
    }

    public static ProgressLine parse(String line) {
        if (line == null) {
            return parseUncached(null);
        }
        ProgressLine parsed = PARSED.get(line);
        if (parsed == null) {
            parsed = parseUncached(line);
            if (PARSED.size() >= CACHE_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(line, parsed);
        }
        return parsed;
    }

    private static ProgressLine parseUncached(String line) {
        String text = line == null ? "" : line.strip();
        String pvc = null;
        Matcher pvcMatch = PVC.matcher(text);
        if (pvcMatch.find()) {
            pvc = pvcMatch.group(1);
        }
        String resource = null;
        String message = text;
        int colon = text.indexOf(": ");
        if (colon > 0) {
            resource = text.substring(0, colon);
            message = text.substring(colon + 2);
        }
        String duration = null;
        Matcher durationMatch = DURATION.matcher(text);
        if (durationMatch.find() && durationMatch.end(0) - durationMatch.start(0) > 2) {
            duration = text.substring(durationMatch.start(0) + 1, text.lastIndexOf(')'));
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (countsOf(text) != null) {
            return summaryLine(text, resource, message, duration, lower);
        }
        Double percent = null;
        boolean countReached = false;
        Matcher outOf = OUT_OF.matcher(text);
        Matcher slash = SLASH_COUNT.matcher(message);
        Matcher percentMatch = PERCENT.matcher(message);
        if (outOf.find()) {
            double done = Double.parseDouble(outOf.group(1));
            double total = Double.parseDouble(outOf.group(2));
            percent = ratio(done, total);
            countReached = total > 0 && done >= total;
        } else if (percentMatch.find()) {
            percent = Math.min(100.0, Double.parseDouble(percentMatch.group(1)));
        } else if (slash.find()) {
            percent = ratio(Double.parseDouble(slash.group(1)), Double.parseDouble(slash.group(2)));
        }
        String rate = null;
        Matcher rateMatch = RATE.matcher(text);
        if (rateMatch.find()) {
            rate = rateMatch.group(1).strip();
        }
        boolean partiallyFailed = lower.contains("partially failed");
        boolean failed = lower.contains("fail");
        boolean waiting = lower.contains("waiting");
        boolean completed = !failed && !waiting
                && (countReached || lower.contains("complete") || lower.contains("succe"));
        return new ProgressLine(line, resource, pvc, message, percent, rate, duration, failed, partiallyFailed,
                completed);
    }

    /** "N total volumes; s successful; r running; f failed" (DVM) and the image stream twin (DIM). */
    private static ProgressLine summaryLine(String text, String resource, String message, String duration,
            String lower) {
        int[] counts = countsOf(text);
        int total = counts[0];
        int successful = counts[1];
        int running = counts[2];
        int failedCount = counts[3];
        boolean failed = failedCount > 0 || lower.startsWith("direct volume migration failed");
        boolean completed = !failed && running == 0 && successful == total;
        Double percent = total == 0 ? (completed ? 100.0 : null) : ratio(successful, total);
        return new ProgressLine(text, resource, null, message, percent, null, duration, failed, false, completed);
    }

    /** total, successful, running, failed; null when one is missing. */
    private static int[] countsOf(String text) {
        int[] counts = {-1, -1, -1, -1};
        Matcher matcher = SUMMARY_COUNTS.matcher(text);
        while (matcher.find()) {
            int value = Integer.parseInt(matcher.group(1));
            switch (matcher.group(2)) {
                case "total" -> counts[0] = value;
                case "successful" -> counts[1] = value;
                case "running" -> counts[2] = value;
                default -> counts[3] = value;
            }
        }
        for (int count : counts) {
            if (count < 0) {
                return null;
            }
        }
        return counts;
    }

    /** A count of 0 out of 0 is "nothing estimated yet": 0 %, as the console shows it. */
    private static Double ratio(double done, double total) {
        if (total <= 0) {
            return 0.0;
        }
        return Math.min(100.0, Math.round(done * 1000.0 / total) / 10.0);
    }
}
