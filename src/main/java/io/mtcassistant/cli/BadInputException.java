package io.mtcassistant.cli;

/** Bad usage or bad input: printed as one line, exit code 2. */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
