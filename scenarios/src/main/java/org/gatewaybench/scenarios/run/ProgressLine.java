package org.gatewaybench.scenarios.run;

import java.io.PrintStream;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.probes.activation.ActivationProbe;
import org.gatewaybench.scenarios.churn.ChurnEngine;
import org.gatewaybench.scenarios.churn.ChurnProgress;
import org.gatewaybench.scenarios.model.ChurnSpec;
import org.gatewaybench.scenarios.model.Phase;

/**
 * The live line a person watches during a run: phase, routes created, activated, pending, errors,
 * elapsed and ETA. On a terminal it rewrites one line every second; in a log (CI) it prints a line
 * every ten seconds. It reads live counters; the report's figures come from the journal.
 */
final class ProgressLine implements AutoCloseable {

    private final PrintStream out;
    private final String gateway;
    private final ChurnSpec spec;
    private final ChurnProgress churn;
    private final ActivationProbe probe;
    private final Clock clock;
    private final long start;
    private final boolean terminal = System.console() != null;
    private final Thread thread;

    private ProgressLine(PrintStream out, String gateway, ChurnSpec spec, ChurnEngine churn, ActivationProbe probe,
                         Clock clock) {
        this.out = out;
        this.gateway = gateway;
        this.spec = spec;
        this.churn = churn.progress();
        this.probe = probe;
        this.clock = clock;
        this.start = clock.monoNanos();
        this.thread = new Thread(this::loop, "progress-" + gateway);
        thread.setDaemon(true);
    }

    static ProgressLine start(PrintStream out, String gateway, ChurnSpec spec, ChurnEngine churn,
                              ActivationProbe probe, Clock clock) {
        ProgressLine line = new ProgressLine(out, gateway, spec, churn, probe, clock);
        line.thread.start();
        return line;
    }

    private void loop() {
        long tick = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                tick++;
                if (terminal) {
                    out.print("\r" + line() + "   ");
                    out.flush();
                } else if (tick % 10 == 0) {
                    out.println("   " + line());
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** One line of live figures. */
    String line() {
        var stats = probe.stats();
        Phase phase = churn.phase();
        String phaseText = phase == null ? "starting" : phase.name() + " " + (churn.phaseIndex() + 1) + "/"
                + spec.phases().size();
        long elapsed = (clock.monoNanos() - start) / 1_000_000_000L;
        return String.format("%s  %s  created %d  activated %d  pending %d  errors %d  never %d  %ds elapsed%s",
                gateway, phaseText, churn.created(), stats.activated(), stats.pending(), stats.errors(),
                stats.gaveUp(), elapsed, eta());
    }

    /** The time the churn still needs at its planned rates (the drain after it is not counted). */
    private String eta() {
        Phase phase = churn.phase();
        if (phase == null) {
            return "";
        }
        double seconds = Math.max(0, churn.phasePlanned() - churn.phaseSent()) / phase.rate();
        long live = churn.created() - churn.deleted();
        if (phase instanceof Phase.Ramp ramp) {
            live = Math.max(live, ramp.to()); // what the ramp leaves for the phases after it
        } else if (phase instanceof Phase.Steady steady) {
            live = steady.population();
        }
        for (int i = churn.phaseIndex() + 1; i < spec.phases().size(); i++) {
            Phase next = spec.phases().get(i);
            if (next instanceof Phase.Ramp ramp) {
                seconds += Math.max(0, ramp.to() - live) / ramp.rate();
                live = Math.max(live, ramp.to());
            } else if (next instanceof Phase.Steady steady) {
                seconds += steady.duration().toSeconds();
                live = steady.population();
            } else {
                seconds += live / next.rate();
                live = 0;
            }
        }
        return String.format(", churn ETA %ds", Math.round(seconds));
    }

    /** The final figures, for the line after the gateway is done. */
    String summary() {
        var stats = probe.stats();
        return String.format("created %d, updated %d, deleted %d, refused %d; activated %d, deactivated %d, "
                        + "never %d, error polls %d", churn.created(), churn.updated(), churn.deleted(), churn.failed(),
                stats.activated(), stats.deactivated(), stats.gaveUp(), stats.errors());
    }

    @Override
    public void close() {
        thread.interrupt();
        if (terminal) {
            out.println();
        }
    }
}
