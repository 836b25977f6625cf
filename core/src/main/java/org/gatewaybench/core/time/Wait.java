package org.gatewaybench.core.time;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a condition, the one way the harness does it (Testcontainers' wait strategies are
 * the model): what is awaited, for how long, how often to look, what ends the wait early, and the
 * exception that says so. Every failure message names what was awaited and what was last seen.
 *
 * <pre>{@code
 * Pod ready = Wait.of("the controller pod to be Ready", timeout).every(Duration.ofMillis(500))
 *         .ignoringErrors().failWith(GatewayException::new)
 *         .until(this::controllerPod, p -> p != null && isReady(p));
 * }</pre>
 */
public final class Wait {

    private final String what;
    private final Duration timeout;
    private Duration interval = Duration.ofMillis(50);
    private boolean ignoringErrors;
    private BooleanSupplier abortWhen = () -> false;
    private Supplier<String> abortReason = () -> "";
    private BiFunction<String, Throwable, ? extends RuntimeException> failure = Timeout::new;

    private Wait(String what, Duration timeout) {
        this.what = Objects.requireNonNull(what, "what");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A wait for {@code what} (words that finish "waiting for ..."), at most {@code timeout}. */
    public static Wait of(String what, Duration timeout) {
        return new Wait(what, timeout);
    }

    /** Looks again every {@code interval} (50 ms unless set). */
    public Wait every(Duration interval) {
        this.interval = interval;
        return this;
    }

    /** A runtime exception while looking counts as "not yet" (an API briefly away); the last one is reported. */
    public Wait ignoringErrors() {
        this.ignoringErrors = true;
        return this;
    }

    /** Ends the wait at once, as a failure with {@code why}, when {@code abort} holds (a process that exited). */
    public Wait abortWhen(BooleanSupplier abort, Supplier<String> why) {
        this.abortWhen = abort;
        this.abortReason = why;
        return this;
    }

    /** The exception a failed wait throws, from its message and cause (the last error or an interrupt). */
    public Wait failWith(BiFunction<String, Throwable, ? extends RuntimeException> failure) {
        this.failure = failure;
        return this;
    }

    /** Waits until {@code done} holds. */
    public void until(BooleanSupplier done) {
        until(done::getAsBoolean, Boolean::booleanValue);
    }

    /** Looks with {@code look} until {@code done} holds for what it saw, and returns that. */
    public <T> T until(Supplier<T> look, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = look.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                if (!ignoringErrors) {
                    throw e;
                }
                lastError = e;
            }
            if (abortWhen.getAsBoolean()) {
                throw failure.apply("stopped waiting for " + what + ": " + abortReason.get(), lastError);
            }
            if (System.nanoTime() - deadline > 0) {
                throw failure.apply("gave up waiting " + Durations.format(timeout) + " for " + what + "; last "
                        + (lastError != null ? "error: " + lastError.getMessage() : "seen: " + last), lastError);
            }
            try {
                Thread.sleep(interval.toMillis(), (int) (interval.toNanos() % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.apply("interrupted while waiting for " + what, e);
            }
        }
    }

    /** What a wait throws unless told otherwise ({@link #failWith}). */
    public static final class Timeout extends RuntimeException {
        public Timeout(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
