package org.gatewaybench.scenarios.run;

/**
 * What a person is told when the harness runs out of memory: one line naming what ran out and
 * the option that raises the limit, never a stack trace. {@code bin/gateway-bench} passes
 * {@value #OPTIONS_VARIABLE} to the JVM.
 */
public final class OutOfMemory {

    /** The environment variable whose JVM options {@code bin/gateway-bench} passes on. */
    public static final String OPTIONS_VARIABLE = "JAVA_OPTS";

    private OutOfMemory() {
    }

    /** One line for {@code e}: what ran out, how large it was, and the option that raises it. */
    public static String describe(OutOfMemoryError e) {
        String what = e.getMessage() == null ? "" : e.getMessage();
        if (what.contains("Metaspace")) {
            return "out of memory: the JVM's class metadata space (Metaspace) is full; raise it with "
                    + OPTIONS_VARIABLE + "=-XX:MaxMetaspaceSize=512m";
        }
        if (what.contains("direct") || what.contains("Direct")) {
            return "out of memory: the JVM's direct buffer memory (network buffers) is used up (" + what
                    + "); raise it with " + OPTIONS_VARIABLE + "=-XX:MaxDirectMemorySize=1g";
        }
        if (what.contains("native thread")) {
            return "out of memory: no new thread can be started (" + what + "); lower the scenario's concurrency "
                    + "or raise the limit on processes (ulimit -u)";
        }
        long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
        return "out of memory: the Java heap (at most " + maxMiB + " MiB) is full" + (what.isEmpty() ? "" : " (" + what + ")")
                + "; raise it with " + OPTIONS_VARIABLE + "=-Xmx" + suggestedHeapMiB(maxMiB) + "m";
    }

    /** Twice the heap, rounded up to a power of two (the JVM reports a little less than -Xmx). */
    static long suggestedHeapMiB(long maxMiB) {
        long power = Long.highestOneBit(Math.max(1, maxMiB));
        return (power < maxMiB ? power * 2 : power) * 2;
    }
}
