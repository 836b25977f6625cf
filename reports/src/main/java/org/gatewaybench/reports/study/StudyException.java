package org.gatewaybench.reports.study;

/** A study that cannot be made from its runs; the message names the run folder or file and why. */
public final class StudyException extends Exception {

    public StudyException(String message) {
        super(message);
    }
}
