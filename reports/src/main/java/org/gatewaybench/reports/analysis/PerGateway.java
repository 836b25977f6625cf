package org.gatewaybench.reports.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** A fold's running state for each gateway, made at the gateway's first event. */
final class PerGateway<S> {

    private final Map<String, S> states = new HashMap<>();
    private final Supplier<S> fresh;

    PerGateway(Supplier<S> fresh) {
        this.fresh = fresh;
    }

    /** The state of {@code gateway}, made now if it has none. */
    S of(String gateway) {
        return states.computeIfAbsent(gateway, g -> fresh.get());
    }

    /**
     * One result per gateway of {@code layout}, in its order: {@code result} of the gateway and its
     * state (a fresh one for a gateway without events).
     */
    <R> Map<String, R> results(RunLayout layout, BiFunction<String, S, R> result) {
        Map<String, R> out = new LinkedHashMap<>();
        for (String gateway : layout.gateways()) {
            S state = states.get(gateway);
            out.put(gateway, result.apply(gateway, state == null ? fresh.get() : state));
        }
        return Collections.unmodifiableMap(out);
    }
}
