package org.gatewaybench.gateways.kubernetes;

import java.util.Objects;

/**
 * Where a gateway's Helm chart comes from, pinned.
 *
 * @param repoName  the local name of the chart repository, or null for an OCI chart
 * @param repoUrl   the chart repository, or null for an OCI chart
 * @param reference what {@code helm install} takes: {@code repoName/chart} or an {@code oci://} address
 * @param version   the pinned chart version; a scenario may override it
 */
public record ChartRef(String repoName, String repoUrl, String reference, String version) {

    public ChartRef {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(version, "version");
        if ((repoName == null) != (repoUrl == null)) {
            throw new IllegalArgumentException("repoName and repoUrl go together: " + repoName + ", " + repoUrl);
        }
    }

    /** A chart from a classic repository. */
    public static ChartRef repo(String repoName, String repoUrl, String chart, String version) {
        return new ChartRef(repoName, repoUrl, repoName + "/" + chart, version);
    }

    /** A chart from an OCI registry. */
    public static ChartRef oci(String address, String version) {
        return new ChartRef(null, null, address, version);
    }

    public boolean isOci() {
        return repoUrl == null;
    }
}
