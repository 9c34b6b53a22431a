package io.mtcassistant.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Null-tolerant readers for the loosely filled JSON of MTC objects. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant plain = plainUtcSeconds(value);
        if (plain != null) {
            return plain;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * "2026-01-01T10:00:00Z", the form Kubernetes writes, read without a formatter: Instant.parse was most of the time
     * spent reading a MigMigration. Null for any other form (then Instant.parse decides).
     */
    static Instant plainUtcSeconds(String value) {
        if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 2);
        int day = digits(value, 8, 2);
        int hour = digits(value, 11, 2);
        int minute = digits(value, 14, 2);
        int second = digits(value, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** The number written by {@code length} digits at {@code from}, or -1. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> list.add(item.asText()));
        }
        return List.copyOf(list);
    }
}
