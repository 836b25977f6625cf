package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatewaybench.core.fault.FaultAction;
import org.gatewaybench.core.fault.FaultTarget;
import org.gatewaybench.gateways.Fault;
import org.gatewaybench.gateways.FaultRequest;
import org.gatewaybench.gateways.GatewayException;

/**
 * A NetworkPolicy selecting the controller pods allows their egress anywhere but to the API
 * server's port. Heal: the policy is deleted. Enforcement is the CNI's (k3s: the kube-router
 * network policy controller; Cilium: itself); a conntrack-based enforcer keeps an already
 * established watch connection alive, so the cut bites when the controller reconnects.
 */
final class PartitionController extends ClusterFault {

    /** The label every NetworkPolicy of a partition carries, beside the run's ownership labels. */
    static final String PARTITION_LABEL = "gateway-bench.io/fault";

    private final AtomicInteger partitions = new AtomicInteger();

    PartitionController() {
        super(FaultAction.PARTITION, Set.of(FaultTarget.CONTROLLER));
    }

    @Override
    public Fault inject(ClusterGateway gateway, FaultRequest request) {
        Map<String, String> selector = gateway.selector(FaultTarget.CONTROLLER);
        List<ApiEndpoint> api = apiServer(gateway);
        String namespace = gateway.namespace();
        NetworkPolicy policy = policy(namespace, "gateway-bench-partition-" + partitions.incrementAndGet(), selector,
                gateway.ownershipLabels(), api, apiServiceIp(gateway));
        var policies = gateway.client().network().v1().networkPolicies().inNamespace(namespace);
        policies.resource(policy).create();
        String name = policy.getMetadata().getName();
        return Fault.once("NetworkPolicy " + namespace + "/" + name + " denies pods " + selector + " egress to the API "
                + "server at " + api + " (established connections may survive until they reconnect)", () -> {
            policies.withName(name).delete();
            return "NetworkPolicy " + namespace + "/" + name + " deleted";
        });
    }

    /** The API server's endpoints (address, port) as the {@code default/kubernetes} Endpoints list them. */
    private static List<ApiEndpoint> apiServer(ClusterGateway gateway) {
        Endpoints endpoints = gateway.client().endpoints().inNamespace("default").withName("kubernetes").get();
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
            throw new GatewayException("cannot partition " + gateway.name() + ": the Endpoints default/kubernetes list "
                    + "no API server address");
        }
        return out;
    }

    private static String apiServiceIp(ClusterGateway gateway) {
        Service service = gateway.client().services().inNamespace("default").withName("kubernetes").get();
        return service == null || service.getSpec() == null ? null : service.getSpec().getClusterIP();
    }

    /**
     * A policy whose egress rules allow the selected pods everything but the API server's port:
     * every pod of the cluster; every address outside the API server's (and its Service IP's);
     * and the API server's addresses on every other port.
     */
    static NetworkPolicy policy(String namespace, String name, Map<String, String> selector,
                                Map<String, String> ownershipLabels, List<ApiEndpoint> apiServer, String apiServiceIp) {
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
}
