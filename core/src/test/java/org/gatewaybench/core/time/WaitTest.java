package org.gatewaybench.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void returnsWhatItSawWhenTheConditionHolds() {
        AtomicInteger looks = new AtomicInteger();
        int seen = Wait.of("three looks", Duration.ofSeconds(5)).every(Duration.ofMillis(1))
                .until(looks::incrementAndGet, n -> n >= 3);
        assertThat(seen).isEqualTo(3);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedAndWhatWasLastSeen() {
        assertThatThrownBy(() -> Wait.of("the answer", Duration.ofMillis(30)).every(Duration.ofMillis(5))
                .failWith(IllegalStateException::new).until(() -> 41, n -> n == 42))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("gave up waiting 30ms for the answer; last seen: 41");
    }

    @Test
    void errorsWhileLookingAreNotYetOnlyWhenIgnoredAndTheLastOneIsReported() {
        AtomicInteger looks = new AtomicInteger();
        String seen = Wait.of("a flaky API", Duration.ofSeconds(5)).every(Duration.ofMillis(1)).ignoringErrors()
                .until(() -> {
                    if (looks.incrementAndGet() < 3) {
                        throw new IllegalStateException("connection refused");
                    }
                    return "ok";
                }, "ok"::equals);
        assertThat(seen).isEqualTo("ok");
        assertThatThrownBy(() -> Wait.of("a dead API", Duration.ofMillis(20)).every(Duration.ofMillis(5))
                .ignoringErrors().until(() -> {
                    throw new IllegalStateException("connection refused");
                }, x -> true))
                .isInstanceOf(Wait.Timeout.class).hasMessageEndingWith("last error: connection refused")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Wait.of("an API", Duration.ofSeconds(5)).until(() -> {
            throw new IllegalArgumentException("bad request");
        }, x -> true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAbortEndsTheWaitAtOnceWithItsReason() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Wait.of("nginx to listen", Duration.ofSeconds(30))
                .abortWhen(() -> true, () -> "nginx exited with code 1").until(() -> false))
                .hasMessage("stopped waiting for nginx to listen: nginx exited with code 1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Wait.of("nothing", Duration.ofSeconds(30)).until(() -> false))
                    .hasMessage("interrupted while waiting for nothing").hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
