package dev.retrylab.cli;

import dev.retrylab.model.RunProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error, redrawn in place with a carriage return: runs
 * finished out of all, and the seconds since the start. It shows nothing for the first second, so
 * quick runs print nothing; {@link #close} clears the line if it was drawn, and the bar draws no
 * more. Call {@link #tick}
 * from a timer to keep the seconds moving while a long run has not finished. Thread-safe: the
 * runner's thread and a timer may call it at once.
 */
final class ProgressBar implements RunProgress, AutoCloseable {

    /** How long a run goes before the bar appears. */
    static final long DELAY_NANOS = 1_000_000_000L;

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;
    private int finished;
    private int total;
    private int drawnLength;
    private boolean closed;

    ProgressBar(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    @Override
    public synchronized void runFinished(int finished, int total) {
        this.finished = finished;
        this.total = total;
        draw();
    }

    /** Redraws the bar with the time elapsed. */
    synchronized void tick() {
        draw();
    }

    /** Clears the bar's line, if it was drawn. */
    @Override
    public synchronized void close() {
        closed = true;
        if (drawnLength > 0) {
            err.print("\r" + " ".repeat(drawnLength) + "\r");
            err.flush();
            drawnLength = 0;
        }
    }

    private void draw() {
        long elapsed = nanoTime.getAsLong() - start;
        if (closed || elapsed < DELAY_NANOS) {
            return;
        }
        int filled = total == 0 ? 0 : (int) ((long) WIDTH * finished / total);
        String line = String.format(Locale.ROOT, "[%s%s] %d/%s runs, %d s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), finished, total == 0 ? "?" : Integer.toString(total),
                elapsed / 1_000_000_000L);
        // pad over a longer line drawn before
        err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        err.flush();
        drawnLength = Math.max(drawnLength, line.length());
    }
}
