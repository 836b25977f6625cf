package org.gatewaybench.scenarios.cli;

import java.util.concurrent.Callable;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.scenarios.cleanup.LeftoverRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Removes what runs whose harness is gone (killed, crashed, out of memory) left behind, as the "
                + "run ledger records it: their processes (by the sessions the run started, never by name) and, in "
                + "kubeconfig clusters, the namespaces, GatewayClasses and Helm release objects labelled with the "
                + "run's id. Names each thing it removes.",
                "The ledger is $GATEWAY_BENCH_STATE/ledger, else $XDG_STATE_HOME/gateway-bench/ledger, else "
                        + "~/.local/state/gateway-bench/ledger. Exit 0 when everything found is gone, 1 otherwise."})
final class CleanCommand implements Callable<Integer> {

    @Option(names = "--dry-run", description = "list what would be removed, remove nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        boolean clean = new LeftoverRuns(Ledger.ofUser()).clean(dryRun, System.out);
        return clean ? ExitCode.OK : ExitCode.FAILED;
    }
}
