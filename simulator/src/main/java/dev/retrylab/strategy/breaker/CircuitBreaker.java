package dev.retrylab.strategy.breaker;

import dev.retrylab.strategy.Failure;
import dev.retrylab.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Stops calling a dependency that keeps failing, and probes it again after a while. A caller
 * asks {@link #tryAcquirePermission()} before each call, then reports {@link #onSuccess()},
 * {@link #onFailure(Failure)} or, when it did not make the call after all,
 * {@link #releasePermission()}. The breaker only decides; it never waits.
 *
 * <p>States and transitions:
 * <ul>
 *   <li>{@code CLOSED}: every call is permitted and its outcome goes into a sliding window
 *       (see {@link CircuitBreakerConfig}). After each recorded outcome the breaker opens when
 *       the window holds at least {@code minimumCalls} calls and
 *       {@code 100 × failures / calls ≥ failureRateThreshold}, or when the last
 *       {@code consecutiveFailureThreshold} outcomes (if set) were all counted failures.</li>
 *   <li>{@code OPEN}: calls are refused. The first permission request at least
 *       {@code openDuration} after opening moves the breaker to {@code HALF_OPEN}.</li>
 *   <li>{@code HALF_OPEN}: {@code halfOpenTrialCalls} permissions are handed out. When that
 *       many trial calls have succeeded the breaker closes with an empty window; the first
 *       counted failure opens it again for another {@code openDuration}.</li>
 * </ul>
 * Failures that the config does not count are recorded as successes. Outcomes reported while
 * open are ignored; an outcome reported while half-open counts as a trial outcome even if its
 * permission was taken earlier, as in most breakers. {@link #state()} reports the state as of
 * the latest request or outcome: an open breaker whose duration has passed still reads
 * {@code OPEN} until someone asks for permission.
 *
 * <p>Thread-safe: state is guarded by one lock, and a permission request while closed takes no
 * lock at all. The closed path ({@code tryAcquirePermission} and {@code onSuccess} or a failure)
 * allocates nothing. Listeners registered with {@link #addListener} run on the thread that
 * caused the change while the lock is held, so they see changes in order; they must be quick
 * and must not wait for other threads that use this breaker.
 *
 * <p>The pattern is Michael Nygard's (<i>Release It!</i>, 2007) as described by Martin Fowler,
 * <a href="https://martinfowler.com/bliki/CircuitBreaker.html">CircuitBreaker</a>; the count- and
 * time-based windows and the minimum-calls rule follow the behaviour documented for
 * <a href="https://resilience4j.readme.io/docs/circuitbreaker">Resilience4j</a>.
 */
public final class CircuitBreaker {

    /** A time not read from the clock because a count window does not need it. */
    private static final long UNREAD = Long.MIN_VALUE;

    private final CircuitBreakerConfig config;
    private final Clock clock;
    private final Object lock = new Object();
    private final OutcomeWindow window;
    private final List<Consumer<? super CircuitStateChanged>> listeners = new CopyOnWriteArrayList<>();

    private volatile CircuitState state = CircuitState.CLOSED;
    private int consecutiveFailures;
    private long openedAtNanos;
    private int trialPermitsLeft;
    private int trialSuccesses;
    private long notPermittedCalls;

    /** A closed breaker with {@code config} that reads time from {@code clock}. */
    public CircuitBreaker(CircuitBreakerConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = config.newWindow();
    }

    /**
     * Asks to make one call. Returns false while open, or while half-open with every trial
     * permission taken; moves an open breaker whose open duration has passed to half-open.
     */
    public boolean tryAcquirePermission() {
        if (state == CircuitState.CLOSED) {
            return true;
        }
        synchronized (lock) {
            if (state == CircuitState.OPEN) {
                long now = clock.nanoTime();
                if (now - openedAtNanos < config.openDurationNanos()) {
                    notPermittedCalls++;
                    return false;
                }
                trialPermitsLeft = config.halfOpenTrialCalls();
                trialSuccesses = 0;
                changeState(CircuitState.HALF_OPEN, now);
            }
            if (state == CircuitState.CLOSED) {
                return true;
            }
            if (trialPermitsLeft > 0) {
                trialPermitsLeft--;
                return true;
            }
            notPermittedCalls++;
            return false;
        }
    }

    /** Gives back a permission whose call was not made; it does not count as an outcome. */
    public void releasePermission() {
        synchronized (lock) {
            if (state == CircuitState.HALF_OPEN
                    && trialPermitsLeft + trialSuccesses < config.halfOpenTrialCalls()) {
                trialPermitsLeft++;
            }
        }
    }

    /** Records that a permitted call succeeded. */
    public void onSuccess() {
        synchronized (lock) {
            if (state == CircuitState.CLOSED) {
                long now = windowTime();
                consecutiveFailures = 0;
                window.record(false, now);
                openIfRateExceeded(now);
            } else if (state == CircuitState.HALF_OPEN) {
                trialSuccesses++;
                if (trialSuccesses >= config.halfOpenTrialCalls()) {
                    window.clear();
                    consecutiveFailures = 0;
                    changeState(CircuitState.CLOSED, clock.nanoTime());
                }
            }
        }
    }

    /** Records that a permitted call failed; a failure the config does not count is a success. */
    public void onFailure(Failure failure) {
        Objects.requireNonNull(failure, "failure");
        if (!config.countsAsFailure(failure)) {
            onSuccess();
            return;
        }
        synchronized (lock) {
            if (state == CircuitState.CLOSED) {
                long now = windowTime();
                consecutiveFailures++;
                window.record(true, now);
                int threshold = config.consecutiveFailureThreshold();
                if (threshold > 0 && consecutiveFailures >= threshold) {
                    open(now);
                } else {
                    openIfRateExceeded(now);
                }
            } else if (state == CircuitState.HALF_OPEN) {
                open(clock.nanoTime());
            }
        }
    }

    /** The current state; see the class comment for when an open breaker becomes half-open. */
    public CircuitState state() {
        return state;
    }

    public CircuitBreakerConfig config() {
        return config;
    }

    /**
     * The percentage of failed calls in the window now, or -1 while the window holds fewer than
     * {@code minimumCalls} calls and the rate is not evaluated.
     */
    public double failureRate() {
        synchronized (lock) {
            long now = clock.nanoTime();
            int calls = window.calls(now);
            return calls < config.minimumCalls() ? -1.0 : rate(window.failures(now), calls);
        }
    }

    /** The calls in the window now. */
    public int bufferedCalls() {
        synchronized (lock) {
            return window.calls(clock.nanoTime());
        }
    }

    /** The failed calls in the window now. */
    public int failedCalls() {
        synchronized (lock) {
            return window.failures(clock.nanoTime());
        }
    }

    /** The counted failures in a row while closed; reset by a success and by every state change. */
    public int consecutiveFailures() {
        synchronized (lock) {
            return consecutiveFailures;
        }
    }

    /** The permission requests refused since the breaker was created. */
    public long notPermittedCalls() {
        synchronized (lock) {
            return notPermittedCalls;
        }
    }

    /** Calls {@code listener} with every later state change, in order. */
    public void addListener(Consumer<? super CircuitStateChanged> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Stops calling {@code listener}; returns whether it was registered. */
    public boolean removeListener(Consumer<? super CircuitStateChanged> listener) {
        return listeners.remove(listener);
    }

    @Override
    public String toString() {
        return "CircuitBreaker[" + state + ", " + config + "]";
    }

    private void openIfRateExceeded(long now) {
        int calls = window.calls(now);
        if (calls >= config.minimumCalls() && rate(window.failures(now), calls) >= config.failureRateThreshold()) {
            open(now);
        }
    }

    /** The time for the window: read only when the window needs it, else {@link #UNREAD}. */
    private long windowTime() {
        return window.usesTime() ? clock.nanoTime() : UNREAD;
    }

    private void open(long windowTime) {
        long now = windowTime == UNREAD ? clock.nanoTime() : windowTime;
        openedAtNanos = now;
        consecutiveFailures = 0;
        trialPermitsLeft = 0;
        changeState(CircuitState.OPEN, now);
    }

    private void changeState(CircuitState to, long now) {
        CircuitState from = state;
        state = to;
        if (!listeners.isEmpty()) {
            CircuitStateChanged event = new CircuitStateChanged(from, to, now);
            for (Consumer<? super CircuitStateChanged> listener : listeners) {
                listener.accept(event);
            }
        }
    }

    private static double rate(int failures, int calls) {
        return 100.0 * failures / calls;
    }
}
