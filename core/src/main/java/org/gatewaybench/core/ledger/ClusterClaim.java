package org.gatewaybench.core.ledger;

/**
 * What a run may leave in a cluster that outlives the harness (the kubeconfig fixture): objects
 * labelled {@code gateway-bench.io/run=runLabel} in the cluster of {@code context}. The kubeconfig
 * is named by its path; its contents (credentials) never enter the ledger.
 *
 * @param kubeconfig the kubeconfig file
 * @param context    the context the run used
 * @param runLabel   the value of the run label on every object the run created
 */
public record ClusterClaim(String kubeconfig, String context, String runLabel) {
}
