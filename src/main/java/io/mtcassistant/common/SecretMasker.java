package io.mtcassistant.common;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides tokens, passwords and keys in text that goes to logs or screens. */
public final class SecretMasker {

    public static final String MASK = "****";

    private static final List<Pattern> PATTERNS = List.of(
            // Authorization headers: "Bearer abc", "Basic abc"
            Pattern.compile("(?i)\\b(bearer|basic)\\s+([A-Za-z0-9._~+/=:-]{6,})"),
            // key: value / key=value / "key":"value" for secret-ish keys
            Pattern.compile("(?i)(\"?(?:token|access_token|id-token|refresh-token|password|passwd|secret|client-key-data"
                    + "|client-secret|auth|aws_secret_access_key|secretkey|secret_key)\"?\\s*[:=]\\s*\"?)([^\\s\",}]{1,})"),
            // OpenShift OAuth tokens: sha256~..., JWTs
            Pattern.compile("\\b(sha256~)([A-Za-z0-9_-]{10,})"),
            Pattern.compile("()\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            // user:password@host in URLs
            Pattern.compile("(://[^/\\s:@]+:)([^@\\s/]+)(?=@)"));

    private SecretMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(result);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String prefix = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1) : "";
                String replacement = prefix.isEmpty() ? MASK : prefix + (prefix.matches("(?i)bearer|basic") ? " " : "") + MASK;
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(out);
            result = out.toString();
        }
        return result;
    }
}
