package io.mtcassistant.ui.steps.compatibility;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compatibility engine words its advice for the command line ("state it: --remote-reaches-control c=yes"); on this
 * page the same choices are buttons, so the advice names the buttons instead. The option cards still show the
 * equivalent command-line flag on their own line, for scripts.
 */
final class ScreenWording {

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile(",? ?then state it: --remote-reaches-control \\S+=yes or =no\\."),
                    ", then answer under \"Can the clusters reach the control cluster?\": \"They connect\" or \"Cannot connect\"."),
            new Rule(Pattern.compile(",? ?then state(?: it:)? --remote-reaches-control \\S+=yes\\."),
                    ", then choose \"They connect\" under \"Can the clusters reach the control cluster?\"."),
            new Rule(Pattern.compile("state it \\(--remote-reaches-control \\S+=no\\)"),
                    "choose \"Cannot connect\" for it under \"Can the clusters reach the control cluster?\""),
            new Rule(Pattern.compile("the edge case \\(--legacy-control-cluster\\)"), "the edge case"),
            new Rule(Pattern.compile("crane tunnel-api \\(--tunnel-api\\)"), "crane tunnel-api"),
            new Rule(Pattern.compile(" with --control-cluster"), " on this page"));

    private ScreenWording() {
    }

    static String of(String engineText) {
        if (engineText == null) {
            return null;
        }
        String text = engineText;
        for (Rule rule : RULES) {
            text = rule.pattern().matcher(text).replaceAll(Matcher.quoteReplacement(rule.replacement()));
        }
        return text;
    }
}
