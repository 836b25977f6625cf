package org.gatewaybench.probes.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The budget on a made-up timeline: no sleeping, no timing. */
class TokenBucketTest {

    private static final long MS = 1_000_000;

    @Test
    void handsOutOneTokenPerIntervalAndSaysWhenTheNextComes() {
        TokenBucket bucket = new TokenBucket(100, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.nanosUntilToken(0)).isEqualTo(10 * MS);
        assertThat(bucket.nanosUntilToken(4 * MS)).isEqualTo(6 * MS);
        assertThat(bucket.tryTake(10 * MS)).isTrue();
    }

    @Test
    void aCallerAsFastAsItCanGetsTheRateAndAtMostASmallBurst() {
        TokenBucket bucket = new TokenBucket(2_000, 0);
        long taken = 0;
        for (long t = 0; t <= 1_000 * MS; t += MS / 10) {
            while (bucket.tryTake(t)) {
                taken++;
            }
        }
        assertThat(taken).isBetween(2_000L, 2_001L);
    }

    @Test
    void anIdleBucketSavesOnlyItsBurst() {
        TokenBucket bucket = new TokenBucket(2_000, 0);
        long taken = 0;
        while (bucket.tryTake(10_000 * MS)) {
            taken++;
        }
        assertThat(taken).as("20 ms worth at 2,000/s").isEqualTo(40);
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new TokenBucket(0, 0)).hasMessageContaining(">= 1/s");
    }
}
