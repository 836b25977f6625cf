package org.gatewaybench.scenarios.run;

import java.nio.file.Path;

/**
 * Settings of the fixtures that come from the command line, not from the scenario: they describe
 * the machine and the cluster the run is on, not what the run measures.
 *
 * @param kubeContext the kubeconfig context for the kubeconfig fixture, or null
 * @param k3sImages   a folder of image tarballs the k3s node imports when it starts, or null
 * @param registries  a k3s registries.yaml (registry mirrors) for the k3s node, or null
 */
public record FixtureOptions(String kubeContext, Path k3sImages, Path registries) {

    /** No option: the embedded lab and k3s as they come. */
    public static final FixtureOptions NONE = new FixtureOptions(null, null, null);
}
