package org.gatewaybench.probes.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.core.journal.Journal;
import org.gatewaybench.core.time.Clock;
import org.gatewaybench.core.time.Stamp;

/**
 * Fetches a gateway's metrics endpoint (Prometheus text) on an interval and journals the selected
 * metrics as {@link Events.GatewayMetric} events. A metric is selected by its sample name or its
 * family name (so a histogram's name selects its buckets, sum and count). A failed scrape is
 * journaled as a warning when scraping goes from working to failing, and as info when it recovers:
 * a dead endpoint does not flood the journal.
 */
public final class MetricsScraper implements AutoCloseable {

    /** The most samples journaled per scrape: a selection that matches thousands of series is a mistake. */
    public static final int MAX_SAMPLES_PER_SCRAPE = 10_000;

    private final String gateway;
    private final Supplier<URI> url;
    private final Set<String> names;
    private final Duration timeout;
    private final Journal journal;
    private final Clock clock;
    private final HttpClient client;
    private ScheduledExecutorService scheduler;
    private boolean failing;

    /**
     * A scraper of {@code url} for {@code names}; {@code timeout} bounds each fetch.
     */
    public MetricsScraper(String gateway, URI url, Set<String> names, Duration timeout, Journal journal,
                          Clock clock) {
        this(gateway, checked(url), names, timeout, journal, clock);
    }

    /**
     * A scraper of whatever URL {@code url} gives at each scrape, e.g. a port-forward that is
     * opened again after the pod behind it was replaced; a supplier that throws fails that scrape.
     */
    public MetricsScraper(String gateway, Supplier<URI> url, Set<String> names, Duration timeout, Journal journal,
                          Clock clock) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("metrics scraper of " + gateway + " needs at least one metric name");
        }
        this.gateway = gateway;
        this.url = url;
        this.names = Set.copyOf(names);
        this.timeout = timeout;
        this.journal = journal;
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    private static Supplier<URI> checked(URI url) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("metrics URL must be http or https, found " + url);
        }
        return () -> url;
    }

    /** Scrapes every {@code interval} (between 100ms and 1h) until closed, the first scrape at once. */
    public synchronized MetricsScraper start(Duration interval) {
        if (interval.compareTo(Duration.ofMillis(100)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("metrics scrape interval must be between 100ms and 1h, found "
                    + interval);
        }
        if (scheduler != null) {
            throw new IllegalStateException("metrics scraper of " + gateway + " is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-scraper-" + gateway);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::scrapeOnce, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    /** Fetches once and journals the selected samples; returns how many, or -1 if the scrape failed. */
    public synchronized int scrapeOnce() {
        Stamp at = clock.now();
        List<MetricSample> selected;
        URI target = null;
        try {
            target = url.get();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Accept", "text/plain;version=0.0.4").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            selected = PrometheusText.parse(response.body()).stream()
                    .flatMap(f -> names.contains(f.name())
                            ? f.samples().stream()
                            : f.samples().stream().filter(s -> names.contains(s.name())))
                    .limit(MAX_SAMPLES_PER_SCRAPE)
                    .toList();
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                failing = true;
                journal.append(new Events.Note(clock.now(), NoteLevel.WARNING, gateway,
                        "metrics scrape of " + (target != null ? target : "its endpoint") + " failed: " + e.getMessage()));
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
        if (failing) {
            failing = false;
            journal.append(new Events.Note(clock.now(), NoteLevel.INFO, gateway, "metrics scrape of " + target + " works again"));
        }
        for (MetricSample s : selected) {
            journal.append(new Events.GatewayMetric(at, gateway, s.name(), s.labels(), s.value()));
        }
        return selected.size();
    }

    /** Stops scraping; a scrape under way ends within its timeout. */
    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
        }
        if (s == null) {
            return;
        }
        s.shutdown();
        try {
            if (!s.awaitTermination(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                s.shutdownNow();
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
