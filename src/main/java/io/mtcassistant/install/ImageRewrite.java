package io.mtcassistant.install;

/** One rewrite in the legacy operator.yml, shown before applying: where, the value before and after. */
public record ImageRewrite(String field, String before, String after) {
}
