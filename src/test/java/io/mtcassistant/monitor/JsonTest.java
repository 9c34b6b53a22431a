package io.mtcassistant.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void kubernetesTimestampsReadAsInstantParseReadsThem() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L));
            String text = at.toString();
            assertThat(Json.plainUtcSeconds(text)).as(text).isEqualTo(text.length() == 20 ? Instant.parse(text) : null);
        }
        assertThat(Json.plainUtcSeconds("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    }

    @Test
    void otherFormsAreLeftToInstantParse() {
        var node = JsonNodeFactory.instance.objectNode();
        node.put("fraction", "2026-01-01T10:00:00.123Z").put("offset", "2026-01-01T10:00:00+02:00")
                .put("badDay", "2023-02-29T10:00:00Z").put("badHour", "2026-01-01T25:00:00Z").put("words", "yesterday")
                .put("blank", " ");
        assertThat(Json.instant(node, "fraction")).isEqualTo(Instant.parse("2026-01-01T10:00:00.123Z"));
        assertThat(Json.instant(node, "offset")).isEqualTo(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(Json.plainUtcSeconds("2023-02-29T10:00:00Z")).isNull();
        assertThat(Json.instant(node, "badDay")).isNull();
        assertThat(Json.instant(node, "badHour")).isNull();
        assertThat(Json.instant(node, "words")).isNull();
        assertThat(Json.instant(node, "blank")).isNull();
        assertThat(Json.instant(node, "absent")).isNull();
    }
}
