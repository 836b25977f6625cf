package org.gatewaybench.probes.longconn;

import java.util.Arrays;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * The config applies of one gateway as they are journaled (their start), so that a drop can name
 * the last one before it and the first one after its connection opened. Thread-safe; applies
 * arrive in time order from the journal.
 */
final class ConfigApplies {

    /** One apply start: its id, mechanism and monotonic time. */
    record Apply(long id, String mechanism, long mono) {
    }

    private final String gateway;
    private long[] monos = new long[64];
    private long[] ids = new long[64];
    private String[] mechanisms = new String[64];
    private int size;

    ConfigApplies(String gateway) {
        this.gateway = gateway;
    }

    /** Journal listener: takes the config apply starts of this gateway. */
    void observe(Event event) {
        if (event instanceof Events.ConfigApplyStarted s && gateway.equals(s.gateway())) {
            add(s.apply(), s.mechanism(), s.at().mono());
        }
    }

    synchronized void add(long id, String mechanism, long mono) {
        if (size == monos.length) {
            monos = Arrays.copyOf(monos, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            mechanisms = Arrays.copyOf(mechanisms, size * 2);
        }
        monos[size] = mono;
        ids[size] = id;
        mechanisms[size] = mechanism;
        size++;
    }

    /** The last apply started at or before {@code mono}, or null. */
    synchronized Apply lastAtOrBefore(long mono) {
        int i = countAtOrBefore(mono) - 1;
        return i < 0 ? null : apply(i);
    }

    /** The first apply started after {@code mono}, or null. */
    synchronized Apply firstAfter(long mono) {
        int i = countAtOrBefore(mono);
        return i >= size ? null : apply(i);
    }

    /** How many applies started in (from, to]. */
    synchronized int countBetween(long from, long to) {
        return Math.max(0, countAtOrBefore(to) - countAtOrBefore(from));
    }

    private Apply apply(int i) {
        return new Apply(ids[i], mechanisms[i], monos[i]);
    }

    /** Applies started at or before {@code mono}; starts arrive in order, so a binary search works. */
    private int countAtOrBefore(long mono) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (monos[mid] - mono <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
