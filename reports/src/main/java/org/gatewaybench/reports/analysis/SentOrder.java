package org.gatewaybench.reports.analysis;

import java.util.Arrays;
import org.gatewaybench.core.activation.PollOutcome;

/**
 * The polls of one write waiting to be judged, in the order they were sent (polls sent at the same
 * moment in the order they arrived). Holds only what the activation rule needs of each poll.
 */
final class SentOrder {

    private long[] sent = new long[4];
    private long[] interval = new long[4];
    private PollOutcome[] outcome = new PollOutcome[4];
    private int first;
    private int end;

    void add(long sentMono, long intervalNanos, PollOutcome pollOutcome) {
        if (end == sent.length) {
            makeRoom();
        }
        int at = end;
        while (at > first && sent[at - 1] > sentMono) {
            at--;
        }
        System.arraycopy(sent, at, sent, at + 1, end - at);
        System.arraycopy(interval, at, interval, at + 1, end - at);
        System.arraycopy(outcome, at, outcome, at + 1, end - at);
        sent[at] = sentMono;
        interval[at] = intervalNanos;
        outcome[at] = pollOutcome;
        end++;
    }

    boolean isEmpty() {
        return first == end;
    }

    long firstSent() {
        return sent[first];
    }

    long firstInterval() {
        return interval[first];
    }

    PollOutcome firstOutcome() {
        return outcome[first];
    }

    void removeFirst() {
        outcome[first] = null;
        first++;
    }

    /** Moves the waiting polls to the front, and doubles the arrays when they are more than half full. */
    private void makeRoom() {
        int size = end - first;
        int capacity = size * 2 > sent.length ? sent.length * 2 : sent.length;
        sent = Arrays.copyOfRange(sent, first, first + capacity);
        interval = Arrays.copyOfRange(interval, first, first + capacity);
        outcome = Arrays.copyOfRange(outcome, first, first + capacity);
        first = 0;
        end = size;
    }
}
