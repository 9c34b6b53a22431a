package io.mtcassistant.network;

/**
 * One finding about a field: an error blocks the change, a warning is shown beside the field.
 *
 * @param field   the field as the admin sees it ({@code https_proxy})
 * @param message what is wrong, in one line
 * @param error   true when the value cannot be applied
 */
public record FieldProblem(String field, String message, boolean error) {

    public static FieldProblem error(InvalidSettingException e) {
        return new FieldProblem(e.field(), e.getMessage().substring(e.field().length() + 2), true);
    }

    public static FieldProblem warning(String field, String message) {
        return new FieldProblem(field, message, false);
    }

    @Override
    public String toString() {
        return (error ? "" : "warning: ") + field + ": " + message;
    }
}
