package dev.retrylab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final StringWriter err = new StringWriter();
    private final ProgressBar bar = new ProgressBar(new PrintWriter(err), now::get);

    @Test
    void runFinished_withinTheFirstSecond_drawsNothing() {
        now.set(SECOND - 1);
        bar.runFinished(3, 10);
        bar.close();

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void runFinished_afterASecond_drawsTheShareDoneInPlace() {
        now.set(2 * SECOND);
        bar.runFinished(5, 10);

        assertThat(err.toString()).isEqualTo("\r[###############---------------] 5/10 runs, 2 s");
    }

    @Test
    void tick_laterWithoutNewRuns_updatesTheSeconds() {
        now.set(2 * SECOND);
        bar.runFinished(1, 4);
        now.set(65 * SECOND);
        bar.tick();

        assertThat(err.toString()).endsWith("\r[#######-----------------------] 1/4 runs, 65 s");
    }

    @Test
    void close_afterDrawing_clearsTheLineAndDrawsNoMore() {
        now.set(2 * SECOND);
        bar.runFinished(1, 4);
        int drawn = err.toString().length() - 1;
        bar.close();
        bar.tick();

        assertThat(err.toString()).endsWith("\r" + " ".repeat(drawn) + "\r");
    }
}
