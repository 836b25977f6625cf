package org.gatewaybench.gateways.kubernetes.faults;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.gatewaybench.gateways.GatewayException;

/**
 * The Deployment or DaemonSet whose pods a squeeze patches: one class for both kinds, which differ
 * only in where the client finds them and when a rollout is done.
 */
final class Workload<W extends HasMetadata> {

    private final String kind;
    private final String namespace;
    private final String name;
    private final Resource<W> resource;
    private final Function<W, PodTemplateSpec> template;
    private final Predicate<W> rolledOut;

    private Workload(String kind, String namespace, String name, Resource<W> resource,
                     Function<W, PodTemplateSpec> template, Predicate<W> rolledOut) {
        this.kind = kind;
        this.namespace = namespace;
        this.name = name;
        this.resource = resource;
        this.template = template;
        this.rolledOut = rolledOut;
    }

    /** The one Deployment or DaemonSet of the gateway's namespace whose pod template carries every label of {@code selector}. */
    static Workload<?> of(ClusterGateway gateway, Map<String, String> selector) {
        String ns = gateway.namespace();
        List<Workload<?>> found = new ArrayList<>();
        found.addAll(matching("Deployment", ns, gateway.client().apps().deployments(), d -> d.getSpec().getTemplate(),
                Workload::deploymentRolledOut, selector));
        found.addAll(matching("DaemonSet", ns, gateway.client().apps().daemonSets(), d -> d.getSpec().getTemplate(),
                Workload::daemonSetRolledOut, selector));
        if (found.size() != 1) {
            throw new GatewayException("squeeze needs exactly one Deployment or DaemonSet in " + ns
                    + " whose pods carry " + selector + "; found " + found.stream().map(Workload::describe).toList());
        }
        return found.get(0);
    }

    private static <W extends HasMetadata, L extends KubernetesResourceList<W>> List<Workload<W>> matching(
            String kind, String namespace, MixedOperation<W, L, ? extends Resource<W>> all,
            Function<W, PodTemplateSpec> template, Predicate<W> rolledOut, Map<String, String> selector) {
        List<Workload<W>> found = new ArrayList<>();
        for (W w : all.inNamespace(namespace).list().getItems()) {
            if (carries(template.apply(w), selector)) {
                String name = w.getMetadata().getName();
                found.add(new Workload<>(kind, namespace, name, all.inNamespace(namespace).withName(name), template,
                        rolledOut));
            }
        }
        return found;
    }

    private static boolean carries(PodTemplateSpec template, Map<String, String> selector) {
        Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    String describe() {
        return kind + " " + namespace + "/" + name;
    }

    /** The first container of the pod template, as it is now. */
    Container container() {
        return template.apply(resource.get()).getSpec().getContainers().get(0);
    }

    void editContainer(UnaryOperator<Container> edit) {
        resource.edit(w -> {
            edit.apply(template.apply(w).getSpec().getContainers().get(0));
            return w;
        });
    }

    boolean rolledOut() {
        return rolledOut.test(resource.get());
    }

    private static boolean deploymentRolledOut(Deployment d) {
        var s = d.getStatus();
        int want = Optional.ofNullable(d.getSpec().getReplicas()).orElse(1);
        return s != null && generationObserved(d, s.getObservedGeneration())
                && Optional.ofNullable(s.getUpdatedReplicas()).orElse(0) >= want
                && Optional.ofNullable(s.getReadyReplicas()).orElse(0) >= want
                && Optional.ofNullable(s.getReplicas()).orElse(0) <= want;
    }

    private static boolean daemonSetRolledOut(DaemonSet d) {
        var s = d.getStatus();
        return s != null && generationObserved(d, s.getObservedGeneration())
                && Optional.ofNullable(s.getUpdatedNumberScheduled()).orElse(0) >= s.getDesiredNumberScheduled()
                && Optional.ofNullable(s.getNumberReady()).orElse(0) >= s.getDesiredNumberScheduled();
    }

    private static boolean generationObserved(HasMetadata workload, Long observed) {
        long generation = Optional.ofNullable(workload.getMetadata().getGeneration()).orElse(0L);
        return Optional.ofNullable(observed).orElse(0L) >= generation;
    }
}
