package org.gatewaybench.core.time;

/**
 * When something happened: monotonic nanoseconds (to measure) and wall-clock millis (to line up
 * journals of different machines).
 */
public record Stamp(long mono, long wall) {

    /** Nanoseconds from {@code earlier} to this stamp. */
    public long nanosSince(Stamp earlier) {
        return mono - earlier.mono;
    }
}
