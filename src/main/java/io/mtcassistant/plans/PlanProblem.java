package io.mtcassistant.plans;

/**
 * Something wrong with a plan request, named by the field it is about ("name", "namespaces", "storage"...).
 *
 * @param blocking false for a warning the admin may accept (a system namespace, a choice the console warns about)
 */
public record PlanProblem(String field, String message, boolean blocking) {

    public static PlanProblem error(String field, String message) {
        return new PlanProblem(field, message, true);
    }

    public static PlanProblem warning(String field, String message) {
        return new PlanProblem(field, message, false);
    }

    /** "name: 'Shop' must be lower-case ..." */
    public String line() {
        return field + ": " + message;
    }
}
