package dev.retrylab.scenario;

/**
 * One mistake in a scenario file: where it is, which key, and what would be valid.
 *
 * @param file    the file name as the user gave it
 * @param line    1-based line, or 0 when unknown
 * @param column  1-based column, or 0 when unknown
 * @param path    the key path, for example {@code services.api.workers}, or empty for the file
 * @param message what was found and what is allowed
 */
public record ScenarioError(String file, int line, int column, String path, String message) {

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
