package org.gatewaybench.probes.resources;

import org.gatewaybench.core.journal.NoteLevel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.time.Clock;

/**
 * Samples gateway components on a fixed interval until closed. A failed sampling is journaled
 * as a warning {@link Events.Note} and the next one is tried: a probe never stops the run.
 */
public final class ResourceProbe implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    /**
     * One component's sampling, as the probe schedules it: a process tree through
     * {@link ResourceSampler}, or a cluster component's pods through their metrics API.
     *
     * @param sample takes one sample and journals it; may throw (journaled as a warning)
     */
    public record Sampling(String gateway, String component, Runnable sample) {

        /** The sampling of a process tree. */
        public static Sampling of(ResourceSampler sampler) {
            return new Sampling(sampler.gateway(), sampler.component(), sampler::sample);
        }
    }

    private ResourceProbe(List<Sampling> samplers, Duration interval, Journal journal, Clock clock) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resource-probe");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(() -> {
            for (Sampling sampler : samplers) {
                try {
                    sampler.sample().run();
                } catch (RuntimeException e) {
                    journal.append(new Events.Note(clock.now(), NoteLevel.WARNING, sampler.gateway(),
                            "resource sampling of " + sampler.component() + " failed: " + e.getMessage()));
                }
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts sampling every {@code interval} (between 50ms and 1h), the first sample at once. */
    public static ResourceProbe start(List<ResourceSampler> samplers, Duration interval, Journal journal,
                                      Clock clock) {
        return startAll(samplers.stream().map(Sampling::of).toList(), interval, journal, clock);
    }

    /** Starts sampling every {@code interval} (between 50ms and 1h), the first sample at once. */
    public static ResourceProbe startAll(List<Sampling> samplers, Duration interval, Journal journal, Clock clock) {
        if (interval.compareTo(Duration.ofMillis(50)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("resource sampling interval must be between 50ms and 1h, found "
                    + interval);
        }
        return new ResourceProbe(List.copyOf(samplers), interval, journal, clock);
    }

    /** Stops sampling; a sampling under way finishes first (bounded by a few seconds). */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
