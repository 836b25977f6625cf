package org.gatewaybench.scenarios.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.core.journal.NoteLevel;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.fixtures.kubernetes.PodPortForward;
import org.gatewaybench.fixtures.kubernetes.PodResourceSampler;
import org.gatewaybench.gateways.Component;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.gateways.MetricsEndpoint;
import org.gatewaybench.probes.metrics.MetricsScraper;
import org.gatewaybench.probes.resources.ResourceProbe;
import org.gatewaybench.probes.resources.ResourceSampler;
import org.gatewaybench.scenarios.model.ResourceSpec;

/**
 * Samples CPU and memory of every component of the gateway. A lab component is a process tree
 * (the nginx master and all its workers, draining ones included; HAProxy's master and worker),
 * read from /proc; each sample asks the gateway for the component's current root process, so
 * sampling follows a data plane that chaos killed and restarted. A cluster component is a set of
 * pods, read from metrics.k8s.io (components with the same pods, as ingress-nginx's controller and
 * data plane, are sampled once under both names joined by '+'). In a cluster the gateway's own
 * metrics endpoints are scraped too, through a port-forward, on the same interval (at least 1s),
 * and their selected metrics journaled.
 */
final class ResourceCompanion implements Companion {

    private static final Duration MIN_SCRAPE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    private final ResourceProbe probe;
    private final List<MetricsScraper> scrapers;
    private final List<PodPortForward> forwards;

    private ResourceCompanion(ResourceProbe probe, List<MetricsScraper> scrapers, List<PodPortForward> forwards) {
        this.probe = probe;
        this.scrapers = scrapers;
        this.forwards = forwards;
    }

    static Optional<Companion> start(GatewayRun run) {
        Optional<ResourceSpec> asked = run.scenario().resourceSpec();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Gateway gateway = run.gateway();
        String name = run.spec().name();
        List<ResourceProbe.Sampling> samplings = new ArrayList<>();
        for (Component c : gateway.components()) {
            if (c.rootPid().isPresent()) {
                samplings.add(ResourceProbe.Sampling.of(new ResourceSampler(name, c.name(),
                        () -> currentPid(gateway, c.name()), run.journal(), run.clock())));
            }
        }
        List<MetricsScraper> scrapers = new ArrayList<>();
        List<PodPortForward> forwards = new ArrayList<>();
        Optional<KubernetesFixture> inCluster = run.fixture().capability(KubernetesFixture.class);
        if (inCluster.isPresent()) {
            KubernetesFixture cluster = inCluster.get();
            samplings.addAll(podSamplings(run, cluster, gateway));
            Duration every = asked.get().interval().compareTo(MIN_SCRAPE_INTERVAL) < 0 ? MIN_SCRAPE_INTERVAL
                    : asked.get().interval();
            for (MetricsEndpoint e : gateway.metricsEndpoints()) {
                if (e.metricNames().isEmpty()) {
                    continue;
                }
                PodPortForward forward = new PodPortForward(cluster.client(), e.namespace(), e.podSelector(),
                        e.port(), e.path());
                forwards.add(forward);
                scrapers.add(new MetricsScraper(name, forward, e.metricNames(), SCRAPE_TIMEOUT, run.journal(),
                        run.clock()).start(every));
            }
        }
        if (samplings.isEmpty()) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, name,
                    "resources: " + name + " has no component this harness can sample (no process of its own, "
                            + "no pods with a metrics API)"));
            if (scrapers.isEmpty()) {
                return Optional.empty();
            }
        }
        ResourceProbe probe = samplings.isEmpty() ? null
                : ResourceProbe.startAll(samplings, asked.get().interval(), run.journal(), run.clock());
        return Optional.of(new ResourceCompanion(probe, scrapers, forwards));
    }

    /** One sampling per distinct set of pods; none (with a note) when the cluster has no metrics API. */
    private static List<ResourceProbe.Sampling> podSamplings(GatewayRun run, KubernetesFixture cluster,
                                                             Gateway gateway) {
        String name = run.spec().name();
        Map<Pods, String> byPods = new LinkedHashMap<>();
        for (Component c : gateway.components()) {
            if (!c.podSelector().isEmpty()) {
                byPods.merge(new Pods(c.namespace(), c.podSelector()), c.name(), (a, b) -> a + "+" + b);
            }
        }
        if (byPods.isEmpty()) {
            return List.of();
        }
        if (!PodResourceSampler.available(cluster.client())) {
            run.journal().append(new Events.Note(run.clock().now(), NoteLevel.WARNING, name, "resources: the cluster serves "
                    + "no " + PodResourceSampler.METRICS_GROUP + " API (install metrics-server); pods not sampled"));
            return List.of();
        }
        List<ResourceProbe.Sampling> samplings = new ArrayList<>();
        byPods.forEach((pods, component) -> {
            PodResourceSampler sampler = new PodResourceSampler(cluster.client(), pods.namespace(), pods.selector(),
                    name, component, run.journal(), run.clock());
            samplings.add(new ResourceProbe.Sampling(name, component, sampler::sample));
        });
        return samplings;
    }

    /** The pods of a cluster component. */
    private record Pods(String namespace, Map<String, String> selector) {
    }

    /** The component's root pid now, or 0 when it has none (it is down): the sampler then finds no process. */
    private static long currentPid(Gateway gateway, String component) {
        return gateway.components().stream().filter(c -> c.name().equals(component)).findFirst()
                .flatMap(c -> c.rootPid().isPresent() ? Optional.of(c.rootPid().getAsLong()) : Optional.empty())
                .orElse(0L);
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
        scrapers.forEach(MetricsScraper::close);
        forwards.forEach(PodPortForward::close);
    }
}
