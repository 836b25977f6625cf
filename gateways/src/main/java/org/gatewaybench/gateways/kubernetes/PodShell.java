package org.gatewaybench.gateways.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gatewaybench.gateways.GatewayException;

/** A shell script run in a pod's first container through the API's exec, for faults and canaries. */
public final class PodShell {

    private PodShell() {
    }

    /**
     * Runs {@code script} with {@code sh -c} and returns what it printed; a GatewayException naming the
     * pod, its exit code or failure, and {@code why} (what needs the shell) when it fails.
     */
    public static String run(KubernetesClient client, Pod pod, String script, Duration timeout, String why) {
        String container = pod.getSpec().getContainers().get(0).getName();
        String name = pod.getMetadata().getName();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch watch = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(name)
                .inContainer(container).writingOutput(out).writingError(err).exec("sh", "-c", script)) {
            int code = watch.exitCode().get(timeout.toSeconds(), TimeUnit.SECONDS);
            if (code != 0) {
                throw new GatewayException("sh in " + name + "/" + container + " exited " + code + ": "
                        + err.toString(StandardCharsets.UTF_8).strip() + " (" + why + ")");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (ExecutionException | TimeoutException e) {
            throw new GatewayException("exec in " + name + "/" + container + " failed: " + e.getMessage()
                    + " (" + why + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException("interrupted while exec'ing in " + name, e);
        }
    }
}
