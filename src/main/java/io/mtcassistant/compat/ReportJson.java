package io.mtcassistant.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mtcassistant.common.SecretMasker;
import java.io.UncheckedIOException;

/** The report as JSON, for scripts and change tickets. Field names follow the report records. */
public final class ReportJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    public static String render(CompatibilityReport report) {
        try {
            return SecretMasker.mask(JSON.writeValueAsString(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the mapper the export uses, to read a report or decisions back. */
    public static ObjectMapper mapper() {
        return JSON.copy();
    }
}
