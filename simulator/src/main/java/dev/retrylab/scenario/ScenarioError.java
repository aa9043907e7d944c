package dev.retrylab.scenario;

/**
 * One mistake in a scenario file: where it is, which key, and what would be valid. The key path and
 * the message are one line each: line breaks and other control characters they quote (from a
 * multi-line value, say) are written as escapes such as {@code \n}.
 *
 * @param file    the file name as the user gave it
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param path    the key path, for example {@code services.api.workers}, or empty for the file
 * @param message what was found and what is allowed
 */
public record ScenarioError(String file, int line, int column, String path, String message) {

    public ScenarioError {
        path = oneLine(path);
        message = oneLine(message);
    }

    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.toString();
    }

    /** {@code file:line:column: path: message}, the form editors and terminals link to. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        text.append(": ");
        if (!path.isEmpty()) {
            text.append(path).append(": ");
        }
        return text.append(message).toString();
    }
}
