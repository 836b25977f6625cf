package org.gatewaybench.core.time;

/**
 * The harness's one source of time. Every journal event carries both readings: the monotonic one
 * orders and measures, the wall one lets journals from several machines be lined up.
 */
public interface Clock {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long monoNanos();

    /** Wall-clock milliseconds since the epoch. */
    long wallMillis();

    /** A stamp of both readings, taken now. */
    default Stamp now() {
        return new Stamp(monoNanos(), wallMillis());
    }

    /** The JVM's clocks: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. */
    Clock SYSTEM = new Clock() {
        @Override
        public long monoNanos() {
            return System.nanoTime();
        }

        @Override
        public long wallMillis() {
            return System.currentTimeMillis();
        }
    };
}
