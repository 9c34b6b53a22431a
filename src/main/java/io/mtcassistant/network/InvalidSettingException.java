package io.mtcassistant.network;

/** A setting the admin typed is not usable; the message names the field ("no_proxy entry 3: ..."). */
public final class InvalidSettingException extends IllegalArgumentException {

    private final String field;

    public InvalidSettingException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
