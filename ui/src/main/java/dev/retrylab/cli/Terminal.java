package dev.retrylab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the command's output streams are connected to, which decides colour on standard output
 * and a progress bar on standard error. Detected once per command; tests pass their own.
 *
 * @param colourOnStdout   standard output is a terminal that shows colour: not redirected, not
 *                         {@code TERM=dumb}, and no {@code NO_COLOR} in the environment
 *                         (https://no-color.org)
 * @param stderrIsTerminal standard error is a terminal, where a progress bar can redraw itself
 */
record Terminal(boolean colourOnStdout, boolean stderrIsTerminal) {

    /** Neither stream is a terminal: plain text, no progress bar. */
    static final Terminal NONE = new Terminal(false, false);

    /** The streams of this process. */
    static Terminal detect() {
        boolean console = System.console() != null;
        Map<String, String> env = System.getenv();
        boolean colourWanted = !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
        return new Terminal(colourWanted && isTerminal(1, console), isTerminal(2, console));
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. Java cannot ask isatty(3) of one stream, so
     * on Linux it reads where /proc/self/fd/N points (a terminal is /dev/pts/N or /dev/ttyN);
     * elsewhere it falls back to {@link System#console()}, which is there when standard input and
     * output both are terminals.
     */
    private static boolean isTerminal(int fd, boolean console) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return console;
        }
    }
}
