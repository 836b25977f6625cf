package org.gatewaybench.gateways.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.gatewaybench.fixtures.FixtureKind;
import org.gatewaybench.fixtures.k3s.K3sFixture;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.gateways.FaultInjector;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.GatewayException;

/**
 * Faults of a gateway installed by a {@link HelmGatewayDriver}, each with its heal, all confined
 * to the gateway's namespace (and, for restart-node, the k3s fixture's own container).
 * <ul>
 * <li>kill: the selected pods are deleted with grace period 0 (the kubelet SIGKILLs their
 *     containers); their ReplicaSet or DaemonSet makes new ones at once. Heal: wait until as many
 *     new pods are Ready as were deleted.</li>
 * <li>freeze: {@code kill -STOP} through a shell exec'd in each pod to the processes the driver
 *     names (never the container's first process: inside its PID namespace no signal stops it).
 *     Heal: {@code kill -CONT} to the same processes. A liveness probe may restart the frozen
 *     container first: that is part of what the fault shows.</li>
 * <li>squeeze: the memory limit of the workload's first container is lowered (its request too
 *     when the request is above the new limit); the workload rolls out pods with the low limit.
 *     Heal: the old limit and request back, then wait for that rollout.</li>
 * <li>partition: a NetworkPolicy selecting the controller pods allows their egress anywhere but
 *     to the API server's port. Heal: the policy is deleted. Enforcement is the CNI's (k3s: the
 *     kube-router network policy controller; Cilium: itself); a conntrack-based enforcer keeps an
 *     already established watch connection alive, so the cut bites when the controller reconnects.</li>
 * <li>restart-node: the k3s container is killed; heal: started again, then wait for the node and
 *     the backend pods (re-pointing the routes' EndpointSlices at the pods' new IPs), the
 *     data-plane pods and the data plane's answer.</li>
 * </ul>
 */
public final class KubernetesFaults implements FaultInjector {

    /** The label every NetworkPolicy of a partition carries, beside the run's ownership labels. */
    public static final String PARTITION_LABEL = "gateway-bench.io/fault";
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String gateway;
    private final String namespace;
    private final GatewayFacts facts;
    private final FaultProfile profile;
    private final FixtureKind fixture;
    private final Map<String, String> ownershipLabels;
    private final Optional<K3sFixture> node;
    private final InetSocketAddress dataPlane;
    private final Duration healTimeout;
    private final AtomicInteger partitions = new AtomicInteger();

    /**
     * @param fixture         the fixture kind (k3s, kubeconfig): what {@link #supported} depends on
     * @param ownershipLabels the run's labels, put on every object a fault creates
     * @param node            the k3s fixture when restart-node may be injected
     * @param dataPlane       where the data plane answers, for the heal of restart-node
     * @param healTimeout     how long a heal may wait for pods, rollouts and the node
     */
    public KubernetesFaults(KubernetesClient client, String gateway, String namespace, GatewayFacts facts,
                            FaultProfile profile, FixtureKind fixture, Map<String, String> ownershipLabels,
                            Optional<K3sFixture> node, InetSocketAddress dataPlane, Duration healTimeout) {
        this.client = client;
        this.gateway = gateway;
        this.namespace = namespace;
        this.facts = facts;
        this.profile = profile;
        this.fixture = fixture;
        this.ownershipLabels = Map.copyOf(ownershipLabels);
        this.node = node;
        this.dataPlane = dataPlane;
        this.healTimeout = healTimeout;
    }

    @Override
    public Set<FaultAction> supported(FaultTarget target) {
        Set<FaultAction> actions = profile.actions(fixture, target);
        if (target == FaultTarget.NODE && node.isEmpty()) {
            return Set.of();
        }
        return actions;
    }

    @Override
    public Fault inject(FaultRequest request) {
        if (!supported(request.target()).contains(request.action())) {
            throw new GatewayException(gateway + " cannot " + request.describe() + " on fixture " + fixture
                    + ": it supports " + supported(request.target()) + " against the " + request.target().word());
        }
        return switch (request.action()) {
            case KILL -> kill(request.target());
            case FREEZE -> freeze(request.target());
            case SQUEEZE -> squeeze(request.target(), request.memoryLimitBytes());
            case PARTITION -> partition();
            case RESTART_NODE -> restartNode();
        };
    }

    private Map<String, String> selector(FaultTarget target) {
        return GatewayFacts.labels(target == FaultTarget.CONTROLLER ? facts.controllerSelector()
                : facts.dataPlaneSelector());
    }

    private List<Pod> pods(Map<String, String> selector) {
        return client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
    }

    // ---- kill ----

    private Fault kill(FaultTarget target) {
        Map<String, String> selector = selector(target);
        List<Pod> victims = pods(selector).stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                .toList();
        if (victims.isEmpty()) {
            throw new GatewayException("no " + target.word() + " pod of " + gateway + " to kill: none in namespace "
                    + namespace + " carries " + selector);
        }
        Set<String> uids = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Pod p : victims) {
            uids.add(p.getMetadata().getUid());
            names.add(p.getMetadata().getName());
            client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).withGracePeriod(0).delete();
        }
        int count = victims.size();
        return Fault.once("deleted " + target.word() + " pods " + names + " with grace period 0", () -> {
            List<String> ready = waitFor("replacement " + target.word() + " pods of " + gateway + " to be Ready",
                    () -> readyPods(selector).stream().filter(p -> !uids.contains(p.getMetadata().getUid()))
                            .map(p -> p.getMetadata().getName()).toList(), found -> found.size() >= count);
            return "replacement pods Ready: " + ready;
        });
    }

    private List<Pod> readyPods(Map<String, String> selector) {
        return pods(selector).stream().filter(KubernetesFaults::isReady).toList();
    }

    static boolean isReady(Pod p) {
        return p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
                && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    // ---- freeze ----

    private Fault freeze(FaultTarget target) {
        List<String> comms = profile.freezeProcesses().get(target);
        List<Pod> frozen = pods(selector(target)).stream().filter(KubernetesFaults::isReady).toList();
        if (frozen.isEmpty()) {
            throw new GatewayException("no Ready " + target.word() + " pod of " + gateway + " to freeze");
        }
        Map<String, String> stopped = new LinkedHashMap<>();
        for (Pod p : frozen) {
            stopped.put(p.getMetadata().getName(), exec(p, signalScript("STOP", comms)).strip());
        }
        return Fault.once("SIGSTOP to processes " + comms + " (pids by pod: " + stopped + ")", () -> {
            Map<String, String> resumed = new LinkedHashMap<>();
            stopped.forEach((pod, pids) -> {
                // A pod that is gone or whose container was restarted has nothing left to resume.
                Pod now = client.pods().inNamespace(namespace).withName(pod).get();
                if (now != null && !pids.isEmpty()) {
                    resumed.put(pod, exec(now, "kill -s CONT " + pids + " 2>/dev/null; echo " + pids).strip());
                }
            });
            return "SIGCONT (pids by pod: " + resumed + ")";
        });
    }

    /** Signals every process named in {@code comms} but the container's first and the shell itself; prints their pids. */
    static String signalScript(String signal, List<String> comms) {
        return "for d in /proc/[0-9]*; do p=${d#/proc/}; [ \"$p\" = 1 ] && continue; [ \"$p\" = $$ ] && continue; "
                + "c=$(cat $d/comm 2>/dev/null) || continue; case \"$c\" in " + String.join("|", comms)
                + ") kill -s " + signal + " $p && printf '%s ' $p;; esac; done";
    }

    private String exec(Pod pod, String script) {
        String container = pod.getSpec().getContainers().get(0).getName();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName())
                .inContainer(container).writingOutput(out).writingError(err).exec("sh", "-c", script)) {
            int code = watch.exitCode().get(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (code != 0) {
                throw new GatewayException("sh in " + pod.getMetadata().getName() + "/" + container + " exited "
                        + code + ": " + err.toString(StandardCharsets.UTF_8).strip()
                        + " (freeze needs a shell in the image)");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new GatewayException("exec in " + pod.getMetadata().getName() + "/" + container + " failed: "
                    + e.getMessage() + " (freeze needs a shell in the image)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while exec'ing in " + pod.getMetadata().getName(), e);
        }
    }

    // ---- squeeze ----

    private Fault squeeze(FaultTarget target, long limitBytes) {
        Map<String, String> selector = selector(target);
        Workload workload = workloadOf(selector);
        Quantity limit = new Quantity(Long.toString(limitBytes));
        Container before = workload.container();
        Quantity oldLimit = memory(before.getResources(), true);
        Quantity oldRequest = memory(before.getResources(), false);
        boolean lowerRequest = oldRequest != null
                && Quantity.getAmountInBytes(oldRequest).longValue() > limitBytes;
        workload.editContainer(c -> {
            setMemory(c, true, limit);
            if (lowerRequest) {
                setMemory(c, false, limit);
            }
            return c;
        });
        return Fault.once(workload.describe() + " container " + before.getName() + ": memory limit " + describe(oldLimit)
                + " -> " + limitBytes + " bytes" + (lowerRequest ? " (request " + oldRequest + " lowered with it)" : "")
                + "; rolling out", () -> {
            workload.editContainer(c -> {
                setMemory(c, true, oldLimit);
                if (lowerRequest) {
                    setMemory(c, false, oldRequest);
                }
                return c;
            });
            waitFor(workload.describe() + " to roll out with its memory limit restored", () -> workload.rolledOut(),
                    Boolean::booleanValue);
            return workload.describe() + ": memory limit " + describe(oldLimit) + " restored and rolled out";
        });
    }

    private static String describe(Quantity q) {
        return q == null ? "none" : q.toString();
    }

    private static Quantity memory(ResourceRequirements r, boolean limit) {
        if (r == null) {
            return null;
        }
        Map<String, Quantity> map = limit ? r.getLimits() : r.getRequests();
        return map == null ? null : map.get("memory");
    }

    private static void setMemory(Container c, boolean limit, Quantity value) {
        if (c.getResources() == null) {
            c.setResources(new ResourceRequirements());
        }
        ResourceRequirements r = c.getResources();
        Map<String, Quantity> map = new LinkedHashMap<>(Optional.ofNullable(limit ? r.getLimits() : r.getRequests())
                .orElse(Map.of()));
        if (value == null) {
            map.remove("memory");
        } else {
            map.put("memory", value);
        }
        if (limit) {
            r.setLimits(map);
        } else {
            r.setRequests(map);
        }
    }

    /** The Deployment or DaemonSet of the namespace whose pod template carries every label of {@code selector}. */
    private Workload workloadOf(Map<String, String> selector) {
        List<Workload> found = new ArrayList<>();
        for (Deployment d : client.apps().deployments().inNamespace(namespace).list().getItems()) {
            if (carries(d.getSpec().getTemplate(), selector)) {
                found.add(new DeploymentWorkload(d.getMetadata().getName()));
            }
        }
        for (DaemonSet d : client.apps().daemonSets().inNamespace(namespace).list().getItems()) {
            if (carries(d.getSpec().getTemplate(), selector)) {
                found.add(new DaemonSetWorkload(d.getMetadata().getName()));
            }
        }
        if (found.size() != 1) {
            throw new GatewayException("squeeze needs exactly one Deployment or DaemonSet in " + namespace
                    + " whose pods carry " + selector + "; found " + found.stream().map(Workload::describe).toList());
        }
        return found.get(0);
    }

    private static boolean carries(PodTemplateSpec template, Map<String, String> selector) {
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    /** A workload whose first container a squeeze patches. */
    private interface Workload {
        String describe();

        Container container();

        void editContainer(UnaryOperator<Container> edit);

        boolean rolledOut();
    }

    private final class DeploymentWorkload implements Workload {
        private final String name;

        DeploymentWorkload(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return "Deployment " + namespace + "/" + name;
        }

        private Deployment get() {
            return client.apps().deployments().inNamespace(namespace).withName(name).get();
        }

        @Override
        public Container container() {
            return get().getSpec().getTemplate().getSpec().getContainers().get(0);
        }

        @Override
        public void editContainer(UnaryOperator<Container> edit) {
            client.apps().deployments().inNamespace(namespace).withName(name).edit(d -> {
                edit.apply(d.getSpec().getTemplate().getSpec().getContainers().get(0));
                return d;
            });
        }

        @Override
        public boolean rolledOut() {
            Deployment d = get();
            var s = d.getStatus();
            int want = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
            return s != null && generationObserved(d, s.getObservedGeneration())
                    && Optional.ofNullable(s.getUpdatedReplicas()).orElse(0) >= want
                    && Optional.ofNullable(s.getReadyReplicas()).orElse(0) >= want
                    && Optional.ofNullable(s.getReplicas()).orElse(0) <= want;
        }
    }

    private final class DaemonSetWorkload implements Workload {
        private final String name;

        DaemonSetWorkload(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return "DaemonSet " + namespace + "/" + name;
        }

        private DaemonSet get() {
            return client.apps().daemonSets().inNamespace(namespace).withName(name).get();
        }

        @Override
        public Container container() {
            return get().getSpec().getTemplate().getSpec().getContainers().get(0);
        }

        @Override
        public void editContainer(UnaryOperator<Container> edit) {
            client.apps().daemonSets().inNamespace(namespace).withName(name).edit(d -> {
                edit.apply(d.getSpec().getTemplate().getSpec().getContainers().get(0));
                return d;
            });
        }

        @Override
        public boolean rolledOut() {
            DaemonSet d = get();
            var s = d.getStatus();
            return s != null && generationObserved(d, s.getObservedGeneration())
                    && Optional.ofNullable(s.getUpdatedNumberScheduled()).orElse(0) >= s.getDesiredNumberScheduled()
                    && Optional.ofNullable(s.getNumberReady()).orElse(0) >= s.getDesiredNumberScheduled();
        }
    }

    private static boolean generationObserved(HasMetadata workload, Long observed) {
        long generation = Optional.ofNullable(workload.getMetadata().getGeneration()).orElse(0L);
        return Optional.ofNullable(observed).orElse(0L) >= generation;
    }

    // ---- partition ----

    private Fault partition() {
        Map<String, String> selector = selector(FaultTarget.CONTROLLER);
        List<ApiEndpoint> api = apiServer();
        NetworkPolicy policy = partitionPolicy(namespace, "gateway-bench-partition-" + partitions.incrementAndGet(),
                selector, ownershipLabels, api, apiServiceIp());
        client.network().v1().networkPolicies().inNamespace(namespace).resource(policy).create();
        String name = policy.getMetadata().getName();
        return Fault.once("NetworkPolicy " + namespace + "/" + name + " denies pods " + selector + " egress to the API "
                + "server at " + api + " (established connections may survive until they reconnect)", () -> {
            client.network().v1().networkPolicies().inNamespace(namespace).withName(name).delete();
            return "NetworkPolicy " + namespace + "/" + name + " deleted";
        });
    }

    /** The API server's endpoints (address, port) as the {@code default/kubernetes} Endpoints list them. */
    private List<ApiEndpoint> apiServer() {
        Endpoints endpoints = client.endpoints().inNamespace("default").withName("kubernetes").get();
        List<ApiEndpoint> out = new ArrayList<>();
        if (endpoints != null && endpoints.getSubsets() != null) {
            for (EndpointSubset subset : endpoints.getSubsets()) {
                for (EndpointAddress a : subset.getAddresses()) {
                    for (EndpointPort p : subset.getPorts()) {
                        out.add(new ApiEndpoint(a.getIp(), p.getPort()));
                    }
                }
            }
        }
        if (out.isEmpty()) {
            throw new GatewayException("cannot partition " + gateway + ": the Endpoints default/kubernetes list no "
                    + "API server address");
        }
        return out;
    }

    private String apiServiceIp() {
        Service service = client.services().inNamespace("default").withName("kubernetes").get();
        return service == null || service.getSpec() == null ? null : service.getSpec().getClusterIP();
    }

    /**
     * A policy whose egress rules allow the selected pods everything but the API server's port:
     * every pod of the cluster; every address outside the API server's (and its Service IP's);
     * and the API server's addresses on every other port.
     */
    static NetworkPolicy partitionPolicy(String namespace, String name, Map<String, String> selector,
                                         Map<String, String> ownershipLabels, List<ApiEndpoint> apiServer,
                                         String apiServiceIp) {
        List<String> v4 = new ArrayList<>();
        List<String> v6 = new ArrayList<>();
        List<String> cut = new ArrayList<>(apiServer.stream().map(ApiEndpoint::ip).distinct().toList());
        if (apiServiceIp != null && !apiServiceIp.isBlank() && !apiServiceIp.equals("None")) {
            cut.add(apiServiceIp);
        }
        for (String ip : cut) {
            if (ip.contains(":")) {
                v6.add(ip + "/128");
            } else {
                v4.add(ip + "/32");
            }
        }
        List<NetworkPolicyEgressRule> egress = new ArrayList<>();
        egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewNamespaceSelector().endNamespaceSelector()
                .endTo().build());
        egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr("0.0.0.0/0")
                .withExcept(v4).endIpBlock().endTo().build());
        egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr("::/0")
                .withExcept(v6).endIpBlock().endTo().build());
        for (ApiEndpoint api : apiServer) {
            String cidr = api.ip() + (api.ip().contains(":") ? "/128" : "/32");
            egress.add(new NetworkPolicyEgressRuleBuilder().addNewTo().withNewIpBlock().withCidr(cidr).endIpBlock()
                    .endTo().withPorts(portsBut(api.port())).build());
        }
        Map<String, String> labels = new LinkedHashMap<>(ownershipLabels);
        labels.put(PARTITION_LABEL, "partition");
        return new NetworkPolicyBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().withNewPodSelector().withMatchLabels(selector).endPodSelector()
                .withPolicyTypes("Egress").withEgress(egress).endSpec()
                .build();
    }

    /** One address and port of the API server. */
    record ApiEndpoint(String ip, int port) {
        @Override
        public String toString() {
            return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
        }
    }

    /** Every TCP port but {@code port}, and every UDP port, as NetworkPolicy port ranges. */
    private static List<NetworkPolicyPort> portsBut(int port) {
        List<NetworkPolicyPort> ports = new ArrayList<>();
        if (port > 1) {
            ports.add(range("TCP", 1, port - 1));
        }
        if (port < 65535) {
            ports.add(range("TCP", port + 1, 65535));
        }
        ports.add(range("UDP", 1, 65535));
        return ports;
    }

    private static NetworkPolicyPort range(String protocol, int from, int to) {
        NetworkPolicyPortBuilder b = new NetworkPolicyPortBuilder().withProtocol(protocol)
                .withPort(new IntOrString(from));
        return from == to ? b.build() : b.withEndPort(to).build();
    }

    // ---- restart-node ----

    private Fault restartNode() {
        K3sFixture k3s = node.orElseThrow();
        Instant killed = Instant.now();
        String stopped = k3s.stopNode();
        return Fault.once(stopped, () -> {
            String started = k3s.startNode(healTimeout);
            // Backend pods get new sandboxes, maybe new IPs: the routes' EndpointSlices must follow.
            String backends = k3s.backendEndpoints().refresh(killed, healTimeout).describe();
            List<String> ready = waitFor("the data-plane pods of " + gateway + " to be Ready after the node restart",
                    () -> readyPods(selector(FaultTarget.DATA_PLANE)).stream().map(p -> p.getMetadata().getName())
                            .toList(), found -> !found.isEmpty());
            DataPlaneWait.untilAnswering(dataPlane, healTimeout);
            return started + "; " + backends + "; data-plane pods Ready " + ready + "; the data plane answers at "
                    + dataPlane;
        });
    }

    // ---- helpers ----

    private <T> T waitFor(String what, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + healTimeout.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (true) {
            try {
                last = probe.get();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e; // the API may be briefly away (a restarted node); try again
            }
            if (System.nanoTime() > deadline) {
                throw new GatewayException("gave up waiting " + healTimeout.toSeconds() + "s for " + what + "; last "
                        + (lastError != null ? "error: " + lastError.getMessage() : "seen: " + last));
            }
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while healing a fault", e);
        }
    }

}
