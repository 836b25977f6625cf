package org.gatewaybench.scenarios.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.gatewaybench.core.ledger.Ledger;
import org.gatewaybench.scenarios.cleanup.LeftoverRuns;
import org.gatewaybench.scenarios.load.ScenarioException;
import org.gatewaybench.scenarios.run.HarnessVersions;
import org.gatewaybench.scenarios.run.OutOfMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The gateway-bench command line. Exit codes: {@link ExitCode}. */
@Command(name = "gateway-bench", mixinStandardHelpOptions = true, version = "gateway-bench " + HarnessVersions.VERSION,
        description = "Benchmarks and chaos-tests ingress gateways: route activation time, long-connection drops, "
                + "traffic, resources and faults, under tenant route churn.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, BundleCommand.class,
                CompareCommand.class, StudyCommand.class, CleanCommand.class, GatewaysCommand.class,
                FiguresCommand.class, DoctorCommand.class, ImagesCommand.class, ChartKeysCommand.class,
                SchemaCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        // Out of memory in a thread of no run (a run handles its own): one line, not a stack trace.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof OutOfMemoryError oom) {
                System.err.println("error: " + OutOfMemory.describe(oom) + " (in thread " + thread.getName() + ")");
                Runtime.getRuntime().exit(ExitCode.FAILED);
            } else {
                thread.getThreadGroup().uncaughtException(thread, e);
            }
        });
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        if (args.length == 0 || !args[0].equals("clean")) {
            warnOfLeftovers(System.err);
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ScenarioException) {
                cmd.getErr().println(e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCode.FAILED;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: " + OutOfMemory.describe(e));
            return ExitCode.FAILED;
        }
    }

    /** Says what runs whose harness is gone left behind (see {@code gateway-bench clean}). */
    private static void warnOfLeftovers(PrintStream err) {
        try {
            new LeftoverRuns(Ledger.ofUser()).notices().forEach(err::println);
        } catch (IOException | RuntimeException e) {
            err.println("warning: cannot check the run ledger for leftovers: " + e.getMessage());
        }
    }
}
