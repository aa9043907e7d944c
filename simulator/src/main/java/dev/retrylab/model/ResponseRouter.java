package dev.retrylab.model;

import dev.retrylab.engine.EventTarget;

/** Delivers each response to the client group its attempt came from. Not thread-safe. */
final class ResponseRouter implements EventTarget {

    private final AttemptTable attempts;
    private final ClientPopulation[] groups;

    ResponseRouter(AttemptTable attempts, ClientPopulation[] groups) {
        this.attempts = attempts;
        this.groups = groups;
    }

    @Override
    public void onEvent(int kind, int id, long outcome) {
        groups[attempts.group(id)].onEvent(kind, id, outcome);
    }
}
