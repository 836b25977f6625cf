package org.gatewaybench.reports.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gatewaybench.core.activation.PollOutcome;
import org.gatewaybench.core.journal.Event;
import org.gatewaybench.core.journal.Events;

/**
 * Recovery from each injected fault, per gateway: a pure function of the journal's faults,
 * traffic windows, error polls, connection drops and activation verdicts.
 */
final class FaultAnalysis implements Fold {

    /**
     * Error signals further apart than this end an outage: more than one traffic window (1 s)
     * without an error means the data plane answered again in between.
     */
    static final double OUTAGE_GAP_SECONDS = 1.5;

    /** Per gateway: its faults, heals, and the moments of its error polls and connection drops. */
    private final PerGateway<Signals> gateways = new PerGateway<>(Signals::new);

    private static final class Signals {
        final List<Events.FaultStarted> starts = new ArrayList<>();
        final Map<Integer, Events.FaultHealed> heals = new HashMap<>();
        final MonoList errorPolls = new MonoList();
        final MonoList drops = new MonoList();
    }

    @Override
    public void accept(Event e) {
        if (e instanceof Events.FaultStarted f) {
            gateways.of(f.gateway()).starts.add(f);
        } else if (e instanceof Events.FaultHealed h) {
            gateways.of(h.gateway()).heals.put(h.fault(), h);
        } else if (e instanceof Events.ProbePoll p && p.outcome() == PollOutcome.ERROR) {
            gateways.of(p.gateway()).errorPolls.add(p.at().mono());
        } else if (e instanceof Events.ConnectionDropped d) {
            gateways.of(d.gateway()).drops.add(d.at().mono());
        }
    }

    /**
     * Faults per gateway, with the activation verdicts and traffic windows around them. Those are
     * asked for only when the run had faults: a run without needs neither analysis.
     */
    Map<String, GatewayFaults> result(RunLayout layout, Supplier<Map<String, GatewayActivation>> activation,
                                      Supplier<Map<String, GatewayTraffic>> traffic) {
        return gateways.results(layout, (gateway, signals) -> {
            List<Events.FaultStarted> starts = signals.starts;
            double end = layout.lastSecond(gateway);
            double[] errorPolls = signals.errorPolls.seconds(layout, gateway);
            double[] drops = signals.drops.seconds(layout, gateway);
            List<GatewayTraffic.Window> windows = starts.isEmpty() || !traffic.get().containsKey(gateway) ? List.of()
                    : traffic.get().get(gateway).windows();
            List<OpVerdict> ops = starts.isEmpty() || !activation.get().containsKey(gateway) ? List.of()
                    : activation.get().get(gateway).ops();
            List<FaultRecovery> recoveries = new ArrayList<>();
            double previousHeal = 0;
            for (int i = 0; i < starts.size(); i++) {
                Events.FaultStarted f = starts.get(i);
                Events.FaultHealed h = signals.heals.get(f.fault());
                double start = layout.secondsSinceStart(gateway, f.at().mono());
                double heal = h == null ? Double.NaN : layout.secondsSinceStart(gateway, h.at().mono());
                double next = i + 1 < starts.size()
                        ? layout.secondsSinceStart(gateway, starts.get(i + 1).at().mono()) : end;
                double healOrNext = h == null ? next : heal;
                recoveries.add(recovery(f, h, start, heal, healOrNext, next, previousHeal, windows, errorPolls,
                        drops, ops));
                previousHeal = healOrNext;
            }
            return new GatewayFaults(recoveries, Arrays.stream(errorPolls).boxed().toList(),
                    Arrays.stream(drops).boxed().toList());
        });
    }

    /** Monotonic moments, unboxed. */
    private static final class MonoList {
        private long[] monos = new long[16];
        private int size;

        void add(long mono) {
            if (size == monos.length) {
                monos = Arrays.copyOf(monos, size * 2);
            }
            monos[size++] = mono;
        }

        /** Seconds since the gateway started, sorted. */
        double[] seconds(RunLayout layout, String gateway) {
            double[] seconds = new double[size];
            for (int i = 0; i < size; i++) {
                seconds[i] = layout.secondsSinceStart(gateway, monos[i]);
            }
            Arrays.sort(seconds);
            return seconds;
        }
    }

    private static FaultRecovery recovery(Events.FaultStarted f, Events.FaultHealed h, double start, double heal,
                                          double healOrNext, double next, double before,
                                          List<GatewayTraffic.Window> windows, double[] errorPolls, double[] drops,
                                          List<OpVerdict> ops) {
        long koBefore = 0;
        long koDuring = 0;
        long koAfter = 0;
        List<double[]> signals = new ArrayList<>(); // [from, to] of each error signal around the fault
        List<double[]> koSpans = new ArrayList<>();
        boolean trafficAfterHeal = false;
        for (GatewayTraffic.Window w : windows) {
            // A window belongs where it ends: answers are counted when they complete.
            double t = w.endSeconds();
            if (t > before && t <= start) {
                koBefore += w.ko();
            } else if (t > start && t <= healOrNext) {
                koDuring += w.ko();
            } else if (t > healOrNext && t <= next) {
                koAfter += w.ko();
            }
            if (t > healOrNext && t <= next && w.requests() > 0) {
                trafficAfterHeal = true;
            }
            if (w.ko() > 0 && t > start && t <= next) {
                double[] span = {Math.max(start, w.startSeconds()), t};
                signals.add(span);
                koSpans.add(span);
            }
        }
        Arrays.stream(errorPolls).filter(t -> t >= start && t <= next).forEach(t -> signals.add(new double[] {t, t}));
        Arrays.stream(drops).filter(t -> t >= start && t <= next).forEach(t -> signals.add(new double[] {t, t}));
        double[] outage = contiguous(signals, start, healOrNext);
        double outageStart = outage[0];
        double outageEnd = outage[1];
        double lastDrop = last(drops, start, next);

        double trafficRecovery = Double.NaN;
        if (!Double.isNaN(heal) && trafficAfterHeal) {
            double lastKoEnd = contiguous(koSpans, start, healOrNext)[1];
            trafficRecovery = Double.isNaN(lastKoEnd) ? 0 : Math.max(0, lastKoEnd - heal);
        }
        double activationRecovery = Double.NaN;
        if (!Double.isNaN(heal)) {
            double firstAfterHeal = Double.NaN;
            for (OpVerdict v : ops) {
                if (v.state() != OpVerdict.State.REACHED || Double.isNaN(v.ackedSeconds()) || v.ackedSeconds() > heal) {
                    continue;
                }
                double activeAt = v.ackedSeconds() + v.latencyNanos() / 1e9;
                if (activeAt >= heal) {
                    firstAfterHeal = min(firstAfterHeal, activeAt);
                }
            }
            activationRecovery = Double.isNaN(firstAfterHeal) ? Double.NaN : firstAfterHeal - heal;
        }
        double dropsStop = Double.isNaN(lastDrop) || Double.isNaN(heal) ? Double.NaN : Math.max(0, lastDrop - heal);

        List<Long> baseline = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        long writesDuring = 0;
        for (OpVerdict v : ops) {
            if (Double.isNaN(v.ackedSeconds()) || !v.expectsPresent()) {
                continue;
            }
            boolean inFault = v.ackedSeconds() >= start && v.ackedSeconds() <= healOrNext;
            if (inFault) {
                writesDuring++;
            }
            if (v.state() != OpVerdict.State.REACHED) {
                continue;
            }
            if (v.ackedSeconds() >= before && v.ackedSeconds() < start) {
                baseline.add(v.latencyNanos());
            } else if (inFault) {
                during.add(v.latencyNanos());
            }
        }
        return new FaultRecovery(f.fault(), f.action(), f.target(), f.detail(), start, heal, h != null && h.ok(),
                h == null ? null : h.detail(), outageStart, outageEnd, trafficRecovery, activationRecovery, dropsStop,
                koBefore, koDuring, koAfter, count(errorPolls, before, start), count(errorPolls, start, healOrNext),
                count(errorPolls, healOrNext, next), count(drops, start, healOrNext), count(drops, healOrNext, next),
                medianMs(baseline), medianMs(during), maxMs(during), writesDuring);
    }

    /**
     * The error period of a fault: from the first signal to the end of the last one that follows
     * the previous by at most {@link #OUTAGE_GAP_SECONDS}; every signal before {@code healOrNext}
     * belongs to it (errors while the fault is in force are its errors). {NaN, NaN} without signals.
     */
    private static double[] contiguous(List<double[]> spans, double start, double healOrNext) {
        if (spans.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        List<double[]> sorted = new ArrayList<>(spans);
        sorted.sort(java.util.Comparator.comparingDouble(s -> s[0]));
        double from = Math.max(start, sorted.get(0)[0]);
        double to = sorted.get(0)[1];
        for (double[] s : sorted.subList(1, sorted.size())) {
            if (s[0] > healOrNext && s[0] > to + OUTAGE_GAP_SECONDS) {
                break;
            }
            to = Math.max(to, s[1]);
        }
        return new double[] {from, to};
    }

    /** Values in (from, to]. */
    private static long count(double[] sorted, double from, double to) {
        return Arrays.stream(sorted).filter(t -> t > from && t <= to).count();
    }

    private static double last(double[] sorted, double from, double to) {
        return Arrays.stream(sorted).filter(t -> t >= from && t <= to).reduce((a, b) -> b).orElse(Double.NaN);
    }

    private static double min(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    private static double medianMs(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[(sorted.length - 1) / 2] / 1e6;
    }

    private static double maxMs(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().stream().mapToDouble(v -> v / 1e6).findFirst()
                .orElse(Double.NaN);
    }
}
