package org.gatewaybench.scenarios.run;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.time.Durations;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.GatewayException;
import org.gatewaybench.scenarios.model.FaultSpec;

/**
 * Injects the scenario's faults into one gateway, each at its time since the churn started, and
 * heals each after its duration. Every fault is journaled as FaultStarted and FaultHealed. Faults
 * run one after another on one thread: a fault whose time comes while another is in force starts
 * right after that one's heal. Closing the schedule heals a fault in force at once and skips the
 * faults not yet due (each named in a note).
 */
final class ChaosSchedule implements Companion {

    private static final Duration CLOSE_WAIT = Duration.ofMinutes(2);

    private final GatewayRun run;
    private final List<FaultSpec> faults;
    private final FaultInjector injector;
    private final long startMono;
    private final Thread thread;
    private volatile boolean closing;

    private ChaosSchedule(GatewayRun run, List<FaultSpec> faults) {
        this.run = run;
        this.faults = faults;
        this.injector = run.gateway().faults();
        this.startMono = run.clock().monoNanos();
        this.thread = new Thread(this::runFaults, "chaos-" + run.spec().name());
        this.thread.setDaemon(true);
    }

    static Optional<Companion> start(GatewayRun run) {
        List<FaultSpec> faults = run.scenario().chaosInTimeOrder();
        if (faults.isEmpty()) {
            return Optional.empty();
        }
        FaultInjector injector = run.gateway().faults();
        for (FaultSpec f : faults) {
            if (!injector.supported(f.target()).contains(f.action())) {
                throw new GatewayException(run.spec().name() + " cannot " + f.request().describe()
                        + "; it supports " + injector.supported(f.target()) + " against the " + f.target().word());
            }
        }
        ChaosSchedule schedule = new ChaosSchedule(run, faults);
        schedule.thread.start();
        return Optional.of(schedule);
    }

    private void runFaults() {
        String gateway = run.spec().name();
        int id = 0;
        for (FaultSpec f : faults) {
            id++;
            if (!sleepUntil(startMono + f.at().toNanos())) {
                skipFrom(id);
                return;
            }
            Fault fault;
            try {
                fault = injector.inject(f.request());
            } catch (RuntimeException e) {
                run.journal().append(new Events.Note(run.clock().now(), NoteLevel.ERROR, gateway, "fault " + id + " ("
                        + f.request().describe() + ") could not be injected: " + e.getMessage()));
                continue;
            }
            run.journal().append(new Events.FaultStarted(run.clock().now(), gateway, id, f.action(), f.target(),
                    fault.detail()));
            long healAt = run.clock().monoNanos() + f.duration().toNanos();
            boolean onTime = sleepUntil(healAt);
            heal(id, fault);
            if (!onTime) {
                skipFrom(id + 1);
                return;
            }
        }
    }

    private void heal(int id, Fault fault) {
        String gateway = run.spec().name();
        try {
            String detail = fault.heal();
            run.journal().append(new Events.FaultHealed(run.clock().now(), gateway, id, true, detail));
        } catch (RuntimeException e) {
            run.journal().append(new Events.FaultHealed(run.clock().now(), gateway, id, false,
                    "heal failed: " + e.getMessage()));
        }
    }

    private void skipFrom(int firstId) {
        for (int i = firstId; i <= faults.size(); i++) {
            FaultSpec f = faults.get(i - 1);
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, run.spec().name(), "fault " + i + " ("
                    + f.request().describe() + " at " + Durations.format(f.at()) + ") was not injected: the churn "
                    + "and the activation drain ended first"));
        }
    }

    /** Sleeps until {@code mono}; false when the schedule is closing. */
    private boolean sleepUntil(long mono) {
        while (!closing) {
            long left = mono - run.clock().monoNanos();
            if (left <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            } catch (InterruptedException e) {
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
