package dev.retrylab.ui.model;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns an exception into one line a user can read, instead of a stack trace. */
public final class Messages {

    private Messages() {
    }

    /** {@code what}: the error's message, or its kind when it has none; the first line only. */
    public static String readable(String what, Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        }
        return what + ": " + message.lines().findFirst().orElse("");
    }

    /** Why {@code file} could not be read or written, in words. */
    public static String file(String action, Path file, IOException error) {
        String what = "cannot " + action + " " + file;
        if (error instanceof NoSuchFileException) {
            return what + ": no such file or folder";
        }
        if (error instanceof AccessDeniedException) {
            return what + ": permission denied";
        }
        if (error instanceof CharacterCodingException) {
            return what + ": it is not UTF-8 text";
        }
        return readable(what, error);
    }
}
