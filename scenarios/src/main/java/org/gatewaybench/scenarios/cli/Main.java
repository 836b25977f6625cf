package org.gatewaybench.scenarios.cli;

import org.gatewaybench.scenarios.load.ScenarioException;
import org.gatewaybench.scenarios.run.Runner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The gateway-bench command line. Exit codes: {@link ExitCode}. */
@Command(name = "gateway-bench", mixinStandardHelpOptions = true, version = "gateway-bench " + Runner.HARNESS_VERSION,
        description = "Benchmarks and chaos-tests ingress gateways: route activation time, long-connection drops, "
                + "traffic, resources and faults, under tenant route churn.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, CompareCommand.class,
                StudyCommand.class, GatewaysCommand.class, FiguresCommand.class, DoctorCommand.class,
                ImagesCommand.class, ChartKeysCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException) {
                cmd.getErr().println(e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCode.FAILED;
        });
        return cli.execute(args);
    }
}
