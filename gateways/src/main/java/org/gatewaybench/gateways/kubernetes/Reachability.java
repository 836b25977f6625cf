package org.gatewaybench.gateways.kubernetes;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.gatewaybench.core.preflight.Check;

/**
 * Whether a chart repository or an image registry answers, in a few seconds at most: the doctor's
 * network checks. Only a GET of an index or of the registry API's root; nothing is downloaded.
 */
public final class Reachability {

    /** A registry's API root answers 200, or 401 when it wants a token: either way it is there. */
    private static final Set<Integer> REGISTRY_ANSWERS = Set.of(200, 401);

    private final Duration timeout;
    private final HttpClient http;

    public Reachability(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A classic chart repository: its index.yaml answers 200. */
    public Check chartRepository(String name, String repoUrl) {
        return get(name, URI.create(repoUrl.replaceAll("/+$", "") + "/index.yaml"), Set.of(200),
                "check the network or a proxy (HTTPS_PROXY); the repository is " + repoUrl);
    }

    /** An image registry (or an OCI chart's) by host: its API root {@code /v2/} answers. */
    public Check registry(String name, String host) {
        return registryAt(name, URI.create("https://" + apiHost(host)));
    }

    /** A registry or a mirror of one at {@code base} (scheme, host, port): its API root {@code /v2/} answers. */
    public Check registryAt(String name, URI base) {
        return get(name, base.resolve("/v2/"), REGISTRY_ANSWERS,
                "check the network, or give the node the images (`gateway-bench images`, then run --k3s-images) "
                        + "or a mirror (--registry-mirror)");
    }

    /** Docker Hub's images are named docker.io/... but its API is served at registry-1.docker.io. */
    static String apiHost(String host) {
        return host.equals("docker.io") ? "registry-1.docker.io" : host;
    }

    /** The registry host of an image reference or {@code oci://} address (docker.io when it names none). */
    public static String registryOf(String reference) {
        String ref = reference.startsWith("oci://") ? reference.substring("oci://".length()) : reference;
        int slash = ref.indexOf('/');
        String first = slash < 0 ? "" : ref.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
    }

    private Check get(String name, URI uri, Set<Integer> answers, String fix) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return answers.contains(status) ? Check.ok(name, uri + " answered " + status)
                    : Check.problem(name, uri + " answered " + status + ", expected " + answers, fix);
        } catch (IOException e) {
            return Check.problem(name, uri + " unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), fix);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.skipped(name, "interrupted");
        }
    }
}
