package io.mtcassistant.compat;

import java.util.List;

/**
 * A question the admin must answer before the migration can go on.
 *
 * @param topic    which question
 * @param question the question in plain words
 * @param options  every answer, including the ones the table rules out (marked unavailable)
 */
public record DecisionRequest(DecisionTopic topic, String question, List<DecisionOption> options) {

    public DecisionRequest {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public List<DecisionOption> availableOptions() {
        return options.stream().filter(DecisionOption::available).toList();
    }
}
