package org.gatewaybench.probes.longconn;

import java.util.Arrays;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * The config applies of one gateway as they are journaled (start and end), so that a drop can name
 * the last one before it and the one that retired its connection. Thread-safe; applies arrive in
 * time order from the journal.
 */
final class ConfigApplies {

    /** One apply start: its id, mechanism and monotonic time. */
    record Apply(long id, String mechanism, long mono) {
    }

    private final String gateway;
    private long[] monos = new long[64];
    private long[] ids = new long[64];
    private String[] mechanisms = new String[64];
    private long[] ends = new long[64];
    private boolean[] ended = new boolean[64];
    private int size;

    ConfigApplies(String gateway) {
        this.gateway = gateway;
    }

    /** Journal listener: takes the config apply starts of this gateway. */
    void observe(Event event) {
        if (event instanceof Events.ConfigApplyStarted s && gateway.equals(s.gateway())) {
            add(s.apply(), s.mechanism(), s.at().mono());
        } else if (event instanceof Events.ConfigApplyEnded e && gateway.equals(e.gateway())) {
            end(e.apply(), e.at().mono());
        }
    }

    /** Marks apply {@code id} ended; it is among the last started, so the search is short. */
    synchronized void end(long id, long mono) {
        for (int i = size - 1; i >= 0; i--) {
            if (ids[i] == id) {
                ends[i] = mono;
                ended[i] = true;
                return;
            }
        }
    }

    synchronized void add(long id, String mechanism, long mono) {
        if (size == monos.length) {
            monos = Arrays.copyOf(monos, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            mechanisms = Arrays.copyOf(mechanisms, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            ended = Arrays.copyOf(ended, size * 2);
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

    /**
     * The apply that retires a connection opened at {@code openedMono}: the one still in progress
     * then, else the first started after. A reloading nginx keeps accepting on its old workers
     * until the reload has taken effect, so a connection opened during a reload belongs to the old
     * configuration and is retired by that very reload.
     */
    synchronized Apply retiring(long openedMono) {
        int last = countAtOrBefore(openedMono) - 1;
        if (last >= 0 && (!ended[last] || ends[last] - openedMono > 0)) {
            return apply(last);
        }
        return firstAfter(openedMono);
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
