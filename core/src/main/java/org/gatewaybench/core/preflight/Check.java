package org.gatewaybench.core.preflight;

import org.gatewaybench.core.Word;

/**
 * One check of what a run needs before it starts (a binary, a Docker engine, a cluster, a chart
 * repository), as {@code gateway-bench doctor} prints it and {@code run} stops on.
 *
 * @param name   what was checked, e.g. "docker engine" or "chart repository of ingress-nginx"
 * @param status ok, problem, or skipped (does not apply here, or could not be checked; detail says why)
 * @param detail what was found
 * @param fix    what to do about a problem; empty otherwise
 */
public record Check(String name, Status status, String detail, String fix) {

    /** How a check came out. */
    public enum Status implements Word {
        OK, PROBLEM, SKIPPED;

        @Override
        public String toString() {
            return word();
        }
    }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, "");
    }

    public static Check problem(String name, String detail, String fix) {
        return new Check(name, Status.PROBLEM, detail, fix);
    }

    public static Check skipped(String name, String why) {
        return new Check(name, Status.SKIPPED, why, "");
    }

    public boolean problem() {
        return status == Status.PROBLEM;
    }

    /** One line: {@code problem  docker engine: none found; fix: ...}. */
    public String line() {
        return String.format("%-8s %s: %s%s", status.word(), name, detail, fix.isEmpty() ? "" : "; fix: " + fix);
    }
}
