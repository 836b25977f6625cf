package org.gatewaybench.scenarios.cleanup;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gatewaybench.core.io.IoErrors;
import org.gatewaybench.core.ledger.ClusterClaim;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.core.ledger.LedgerRun;
import org.gatewaybench.core.ledger.ProcessSweep;
import org.gatewaybench.core.process.ProcessIdentity;
import org.gatewaybench.core.process.ProcessTable;
import org.gatewaybench.fixtures.FixtureException;
import org.gatewaybench.fixtures.kubeconfig.KubeconfigContext;
import org.gatewaybench.fixtures.kubernetes.ClusterLeftovers;
import org.gatewaybench.fixtures.kubernetes.KubernetesClients;
import org.gatewaybench.fixtures.kubernetes.Ownership;

/**
 * What runs whose harness is gone left behind, as the run ledger tells: said at every start of
 * {@code gateway-bench}, removed by {@code gateway-bench clean}. Processes are found by the
 * sessions the run started (pid and start time, never by name); cluster objects by the run's label.
 */
public final class LeftoverRuns {

    private static final Duration CLUSTER_PATIENCE = Duration.ofMinutes(2);

    private final Ledger ledger;

    public LeftoverRuns(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * One line per run whose harness is gone and which left something; the cluster is not contacted
     * (a start must stay quick and work offline). Entries of gone runs that left nothing are removed.
     */
    public List<String> notices() throws IOException {
        List<String> lines = new ArrayList<>();
        ProcessTable table = ProcessTable.now();
        for (LedgerRun run : ledger.runs()) {
            if (run.status() != LedgerRun.Status.GONE) {
                continue;
            }
            List<LedgerRun.Leftover> processes = run.leftovers(table);
            if (processes.isEmpty() && run.clusters().isEmpty()) {
                remove(run);
                continue;
            }
            List<String> left = new ArrayList<>();
            if (!processes.isEmpty()) {
                left.add(describe(processes));
            }
            run.clusters().forEach(c -> left.add("maybe objects " + labelled(c) + " (the cluster was not asked)"));
            lines.add("gateway-bench: run " + run.runId() + " ended without its harness (pid " + run.harness().pid()
                    + ") and left " + String.join("; ", left) + ". Remove them with: gateway-bench clean "
                    + "(add --dry-run to list them first)");
        }
        return lines;
    }

    /**
     * Removes what every gone run left (or with {@code dryRun} says what it would remove), one line per
     * thing on {@code out}; a run's ledger entry goes once nothing of it is left. Returns whether
     * everything that was found is gone (or, with {@code dryRun}, could be listed).
     */
    public boolean clean(boolean dryRun, PrintStream out) throws IOException {
        boolean allGone = true;
        int runs = 0;
        for (LedgerRun run : ledger.runs()) {
            switch (run.status()) {
                case RUNNING -> out.println("run " + run.runId() + ": its harness (pid " + run.harness().pid()
                        + ") still runs; left alone");
                case ELSEWHERE -> out.println("run " + run.runId() + ": written on another machine; clean it there ("
                        + run.file() + ")");
                case GONE -> {
                    runs++;
                    allGone &= cleanRun(run, dryRun, out);
                }
            }
        }
        if (runs == 0) {
            out.println("nothing to clean: no run in " + ledger.folder() + " lost its harness");
        }
        return allGone;
    }

    private boolean cleanRun(LedgerRun run, boolean dryRun, PrintStream out) throws IOException {
        out.println("run " + run.runId() + " (folder " + run.runDir() + "): its harness (pid " + run.harness().pid()
                + ") is gone");
        boolean gone = true;
        List<LedgerRun.Leftover> processes = run.leftovers(ProcessTable.now());
        for (LedgerRun.Leftover p : processes) {
            out.println("  " + (dryRun ? "would kill " : "killing ") + p.started().program() + " pid "
                    + p.started().leader().pid() + " and its session: pids " + pids(p.running()));
        }
        if (!dryRun && !processes.isEmpty()) {
            List<ProcessIdentity> survivors = ProcessSweep.kill(processes);
            if (!survivors.isEmpty()) {
                out.println("  could not end pids " + pids(survivors));
                gone = false;
            }
        }
        for (ClusterClaim claim : run.clusters()) {
            gone &= cleanCluster(claim, dryRun, out);
        }
        if (dryRun) {
            out.println("  would remove its ledger entry " + run.file());
        } else if (gone) {
            remove(run);
            out.println("  removed its ledger entry " + run.file());
        } else {
            out.println("  its ledger entry stays: " + run.file());
        }
        return gone;
    }

    private static boolean cleanCluster(ClusterClaim claim, boolean dryRun, PrintStream out) {
        try (KubernetesClient client = KubernetesClients.of(
                KubeconfigContext.read(Path.of(claim.kubeconfig()), claim.context()).config())) {
            List<ClusterLeftovers.Leftover> found = ClusterLeftovers.find(client, claim.runLabel());
            if (found.isEmpty()) {
                out.println("  nothing " + labelled(claim) + " is left");
                return true;
            }
            if (dryRun) {
                found.forEach(f -> out.println("  would delete " + f + " in context '" + claim.context() + "'"));
                return true;
            }
            List<String> done = ClusterLeftovers.remove(client, found, CLUSTER_PATIENCE);
            done.forEach(line -> out.println("  " + line));
            return done.stream().allMatch(line -> line.startsWith("deleted "));
        } catch (FixtureException | KubernetesClientException | IllegalArgumentException e) {
            out.println("  cannot clean context '" + claim.context() + "' of " + claim.kubeconfig() + ": "
                    + e.getMessage());
            return false;
        }
    }

    private static void remove(LedgerRun run) throws IOException {
        try {
            Files.deleteIfExists(run.file());
        } catch (IOException e) {
            throw IoErrors.named("remove the run ledger entry", run.file(), e);
        }
    }

    private static String describe(List<LedgerRun.Leftover> processes) {
        int count = processes.stream().mapToInt(p -> p.running().size()).sum();
        return count + " process" + (count == 1 ? "" : "es") + " running ("
                + processes.stream().map(p -> p.started().program() + " pid " + p.started().leader().pid()
                        + (p.running().size() > 1 ? " and " + (p.running().size() - 1) + " more of its session" : ""))
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String labelled(ClusterClaim claim) {
        return "labelled " + Ownership.RUN_LABEL + "=" + claim.runLabel() + " in context '" + claim.context() + "'";
    }

    private static String pids(List<ProcessIdentity> processes) {
        return processes.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(", "));
    }
}
