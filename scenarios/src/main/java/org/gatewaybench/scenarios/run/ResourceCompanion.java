package org.gatewaybench.scenarios.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.gateways.Component;
import org.gatewaybench.gateways.Gateway;
import org.gatewaybench.probes.resources.ResourceProbe;
import org.gatewaybench.probes.resources.ResourceSampler;
import org.gatewaybench.scenarios.model.ResourceSpec;

/**
 * Samples CPU and resident memory of every component of the gateway that is a process tree (the
 * lab's nginx master and all its workers, draining ones included; HAProxy's master and worker).
 * Each sample asks the gateway for the component's current root process, so sampling follows a
 * data plane that chaos killed and restarted.
 */
final class ResourceCompanion implements Companion {

    private final ResourceProbe probe;

    private ResourceCompanion(ResourceProbe probe) {
        this.probe = probe;
    }

    static Optional<Companion> start(GatewayRun run) {
        Optional<ResourceSpec> asked = run.scenario().resourceSpec();
        if (asked.isEmpty()) {
            return Optional.empty();
        }
        Gateway gateway = run.gateway();
        String name = run.spec().name();
        List<ResourceSampler> samplers = new ArrayList<>();
        for (Component c : gateway.components()) {
            if (c.rootPid().isPresent()) {
                samplers.add(new ResourceSampler(name, c.name(), () -> currentPid(gateway, c.name()), run.journal(),
                        run.clock()));
            }
        }
        if (samplers.isEmpty()) {
            run.journal().append(new Events.Note(run.clock().now(), "warning", name,
                    "resources: " + name + " has no component this harness can sample as a process "
                            + "(cluster sampling through metrics.k8s.io is not built yet)"));
            return Optional.empty();
        }
        return Optional.of(new ResourceCompanion(ResourceProbe.start(samplers, asked.get().interval(), run.journal(),
                run.clock())));
    }

    /** The component's root pid now, or 0 when it has none (it is down): the sampler then finds no process. */
    private static long currentPid(Gateway gateway, String component) {
        return gateway.components().stream().filter(c -> c.name().equals(component)).findFirst()
                .flatMap(c -> c.rootPid().isPresent() ? Optional.of(c.rootPid().getAsLong()) : Optional.empty())
                .orElse(0L);
    }

    @Override
    public void close() {
        probe.close();
    }
}
