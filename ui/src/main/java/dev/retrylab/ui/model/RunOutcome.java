package dev.retrylab.ui.model;

import dev.retrylab.model.ScenarioResult;

/** How a {@link RunTask} ended. */
public sealed interface RunOutcome {

    /** The run finished with {@code result}. */
    record Succeeded(ScenarioResult result) implements RunOutcome {
    }

    /** The run failed; {@code message} is one readable line. */
    record Failed(String message) implements RunOutcome {
    }

    /** The run was cancelled. */
    record Cancelled() implements RunOutcome {
    }
}
