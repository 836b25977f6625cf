package org.gatewaybench.gateways.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.gatewaybench.backend.Reach;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointReach;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.core.time.Wait;
import org.gatewaybench.fixtures.kubernetes.ClusterRun;
import org.gatewaybench.fixtures.kubernetes.KubernetesFixture;
import org.gatewaybench.gateways.GatewayException;

/**
 * A Helm-installed gateway's side of the isolation probe: its settings (the driver's facts and the
 * controller's ConfigMap as it is), a canary file planted through exec where the driver says, and
 * its control endpoints tried from a pod in the tenant's namespace that runs the backend image in
 * its reach mode (a connect and one harmless read per endpoint, never a payload).
 */
final class ClusterIsolation implements IsolationSurface {

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REACH_TIMEOUT = Duration.ofMinutes(3);
    /** Canary tokens go unquoted into a shell command: nothing but these characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]+");

    private final KubernetesFixture fixture;
    private final String namespace;
    private final IsolationFacts facts;
    private final Map<String, String> installed;
    private final AtomicInteger reaches = new AtomicInteger();
    private volatile Pod canaryPod;

    /**
     * @param namespace the release's namespace
     * @param installed facts of this install for the settings (chart, version)
     */
    ClusterIsolation(KubernetesFixture fixture, String namespace, IsolationFacts facts, Map<String, String> installed) {
        this.fixture = fixture;
        this.namespace = namespace;
        this.facts = facts;
        this.installed = Map.copyOf(installed);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(installed);
        settings.putAll(facts.settings());
        if (facts.configMap() != null) {
            ConfigMap map = client().configMaps().inNamespace(namespace).withName(facts.configMap()).get();
            Map<String, String> data = map == null || map.getData() == null ? Map.of() : map.getData();
            facts.configKeys().forEach((key, fallback) -> settings.put(key, data.containsKey(key) ? data.get(key)
                    : fallback + " (the controller's default: absent from ConfigMap " + facts.configMap() + ")"));
        }
        return settings;
    }

    @Override
    public Optional<String> plantCanary(String token) {
        if (facts.canary() == null) {
            return Optional.empty();
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("a canary token is letters, digits and '-', found '" + token + "'");
        }
        Pod pod = firstPod(facts.canary().podSelector()).orElseThrow(() -> new GatewayException("no running pod "
                + facts.canary().podSelector() + " in " + namespace + " to plant the canary in"));
        PodShell.run(client(), pod, "printf '%s\\n' " + token + " > " + facts.canary().path(), EXEC_TIMEOUT,
                "planting the canary needs a shell in the image");
        canaryPod = pod;
        return Optional.of(facts.canary().path());
    }

    @Override
    public void removeCanary() {
        Pod pod = canaryPod;
        if (pod != null) {
            PodShell.run(client(), pod, "rm -f " + facts.canary().path(), EXEC_TIMEOUT,
                    "removing the canary needs a shell in the image");
            canaryPod = null;
        }
    }

    @Override
    public List<ControlEndpoint> controlEndpoints() {
        List<ControlEndpoint> endpoints = new ArrayList<>();
        for (ClusterEndpoint e : facts.endpoints()) {
            switch (e.where()) {
                case SERVICE -> endpoints.add(e.at(e.target() + "." + namespace + ".svc.cluster.local"));
                case POD -> firstPod(e.target()).map(p -> p.getStatus().getPodIP())
                        .ifPresent(ip -> endpoints.add(e.at(ip)));
                case NODE -> nodeAddress().ifPresent(ip -> endpoints.add(e.at(ip)));
            }
        }
        return endpoints;
    }

    /**
     * Runs one reach pod in {@code tenant}'s namespace (made if the tenant has none yet) with every
     * endpoint, waits for it to finish, reads its log and removes it.
     */
    @Override
    public List<EndpointReach> reachFrom(String tenant, List<ControlEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        String tenantNamespace = ClusterRun.createNamespace(client(), fixture.ownership(), tenant);
        Pod pod = fixture.backendPods().reachPod(tenantNamespace, "gateway-bench-reach-" + reaches.incrementAndGet(),
                endpoints.stream().map(ClusterIsolation::spec).map(Reach.Spec::argument).toList());
        client().resource(pod).create();
        var created = client().pods().inNamespace(tenantNamespace).withName(pod.getMetadata().getName());
        try {
            Wait.of("the reach pod " + tenantNamespace + "/" + pod.getMetadata().getName() + " to finish",
                            REACH_TIMEOUT).every(Duration.ofSeconds(1)).ignoringErrors().failWith(GatewayException::new)
                    .until(created::get, p -> p != null && p.getStatus() != null
                            && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())));
            return results(endpoints, created.getLog());
        } finally {
            created.delete();
        }
    }

    /** The results a reach pod logged, one per endpoint; an endpoint it did not report was not reached. */
    static List<EndpointReach> results(List<ControlEndpoint> endpoints, String log) {
        List<Reach.Result> results = Reach.Result.parse(log == null ? "" : log, endpoints.size());
        List<EndpointReach> out = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Reach.Result r = results.get(i);
            out.add(r == null ? new EndpointReach(endpoints.get(i), false, "no result in the reach pod's log")
                    : new EndpointReach(endpoints.get(i), r.reached(), r.answer()));
        }
        return out;
    }

    private static Reach.Spec spec(ControlEndpoint e) {
        return new Reach.Spec(e.host(), e.port(), Reach.Read.valueOf(e.read().name()), e.request());
    }

    private Optional<Pod> firstPod(String selector) {
        return client().pods().inNamespace(namespace).withLabels(GatewayFacts.labels(selector)).list().getItems()
                .stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
                .findFirst();
    }

    private Optional<String> nodeAddress() {
        for (Node node : client().nodes().list().getItems()) {
            if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
                continue;
            }
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    return Optional.of(a.getAddress());
                }
            }
        }
        return Optional.empty();
    }

    private KubernetesClient client() {
        return fixture.client();
    }
}
