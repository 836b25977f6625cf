package org.gatewaybench.gateways.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatewaybench.backend.Reach;
import org.gatewaybench.core.isolation.ControlEndpoint;
import org.gatewaybench.core.isolation.EndpointReach;
import org.gatewaybench.core.isolation.IsolationSurface;
import org.gatewaybench.gateways.GatewayException;

/**
 * A lab gateway's side of the isolation probe: its policy as settings, a canary file in its work
 * folder (which nginx, running as this user, can read), and its data plane's control endpoints
 * tried from this machine's loopback, where the lab's tenant workloads (the backends) run. A unix
 * socket is not tried: no network path leads to it from a tenant's workload.
 */
final class LabIsolation implements IsolationSurface {

    private static final Duration REACH_TIMEOUT = Duration.ofSeconds(2);

    private final String driver;
    private final LabPolicy policy;
    private final LabDataPlane dataPlane;
    private final Path canary;

    LabIsolation(String driver, LabPolicy policy, LabDataPlane dataPlane, Path workDir) {
        this.driver = driver;
        this.policy = policy;
        this.dataPlane = dataPlane;
        this.canary = workDir.toAbsolutePath().resolve("canary").resolve("gateway-bench-canary.txt");
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("gateway", driver);
        settings.put("version", dataPlane.details().getOrDefault("version", "unknown"));
        settings.put("conflictPolicy", policy.conflicts().word());
        settings.put("hostOwnership", policy.hosts().word());
        settings.put("routeValidation", Boolean.toString(policy.validation()));
        settings.put("snippetAnnotations", Boolean.toString(policy.snippets()));
        settings.put("crossTenantBackends", policy.crossTenant().word());
        dataPlane.controlEndpoints().forEach(e -> settings.put(e.name(), e.address()));
        return settings;
    }

    @Override
    public Optional<String> plantCanary(String token) {
        try {
            Files.createDirectories(canary.getParent());
            ConfigFiles.writeAtomically(canary, token + "\n");
        } catch (IOException e) {
            throw new GatewayException("cannot plant the canary " + canary + ": " + e.getMessage(), e);
        }
        return Optional.of(canary.toString());
    }

    @Override
    public void removeCanary() {
        try {
            Files.deleteIfExists(canary);
        } catch (IOException e) {
            throw new GatewayException("cannot remove the canary " + canary + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<ControlEndpoint> controlEndpoints() {
        return dataPlane.controlEndpoints();
    }

    @Override
    public List<EndpointReach> reachFrom(String tenant, List<ControlEndpoint> endpoints) {
        return endpoints.stream().map(LabIsolation::reach).toList();
    }

    private static EndpointReach reach(ControlEndpoint e) {
        if (e.unix()) {
            return new EndpointReach(e, false, "not tried: a unix socket in the gateway's file system, which no "
                    + "network path from a tenant's workload leads to");
        }
        Reach.Result result = Reach.attempt(new Reach.Spec(e.host(), e.port(), Reach.Read.valueOf(e.read().name()),
                e.request()), REACH_TIMEOUT);
        return new EndpointReach(e, result.reached(), result.answer());
    }
}
