package io.mtcassistant.monitor;

/** Whether an action is allowed now; when not, the reason the admin reads next to the disabled button. */
public record ActionCheck(boolean allowed, String reason) {

    public static ActionCheck allow() {
        return new ActionCheck(true, null);
    }

    public static ActionCheck refuse(String reason) {
        return new ActionCheck(false, reason);
    }
}
