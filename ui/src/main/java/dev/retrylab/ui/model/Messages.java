package dev.retrylab.ui.model;

/** Turns an exception into one line a user can read, instead of a stack trace. */
public final class Messages {

    private Messages() {
    }

    /** {@code what}: the error's message, or its kind when it has none. */
    public static String readable(String what, Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return what + ": " + message.lines().findFirst().orElse("");
    }
}
