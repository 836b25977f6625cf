package org.gatewaybench.gateways.kubernetes;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * An Ingress that makes a gateway build its listener before the first tenant route: Cilium (shared
 * load-balancer mode) and Higress create the data plane's port-80 listener only when they reconcile an
 * Ingress of their class, so without one nothing answers on the NodePort and the wait after install
 * would run out. Its host is under {@code .invalid} (RFC 6761: never a real name) and its backend a
 * Service without endpoints, so it never answers a tenant's request; it also keeps the listener's
 * creation out of the first route's activation time. Made after install, removed before uninstall.
 */
public final class SentinelRoute {

    public static final String NAME = "gateway-bench-sentinel";
    public static final String HOST = "sentinel.gateway-bench.invalid";

    private SentinelRoute() {
    }

    /** The selectorless Service (no endpoints) the sentinel points at. */
    public static Service service(String namespace, Map<String, String> labels) {
        return new ServiceBuilder().withNewMetadata().withName(NAME).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().addNewPort().withName("http").withPort(80).endPort().endSpec().build();
    }

    /** The Ingress of {@code ingressClass} for {@link #HOST}. */
    public static Ingress ingress(String namespace, String ingressClass, Map<String, String> labels) {
        return new IngressBuilder().withNewMetadata().withName(NAME).withNamespace(namespace).withLabels(labels)
                .endMetadata().withNewSpec().withIngressClassName(ingressClass)
                .addNewRule().withHost(HOST).withNewHttp().addNewPath().withPath("/").withPathType("Prefix")
                .withNewBackend().withNewService().withName(NAME).withNewPort().withNumber(80).endPort().endService()
                .endBackend().endPath().endHttp().endRule().endSpec().build();
    }

    static void create(KubernetesClient client, String namespace, String ingressClass, Map<String, String> labels) {
        client.resource(service(namespace, labels)).create();
        client.resource(ingress(namespace, ingressClass, labels)).create();
    }

    static void delete(KubernetesClient client, String namespace) {
        client.network().v1().ingresses().inNamespace(namespace).withName(NAME).delete();
        client.services().inNamespace(namespace).withName(NAME).delete();
    }
}
