package org.gatewaybench.scenarios.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * REPRO.md of a bundle: what went wrong in plain words, the one command that reproduces it, what
 * exactly ran, what the bundle holds and what was taken out of it.
 */
final class ReproMarkdown {

    /** One file of the bundle: its path inside, its size, and what was redacted in it. */
    record Entry(String path, long bytes, Map<String, Integer> redacted) {
    }

    /** A file of the run left out of the bundle, and why. */
    record LeftOut(String path, String why) {
    }

    private ReproMarkdown() {
    }

    static String render(RunRecord record, Findings findings, String bundleName, List<Entry> entries,
                         List<LeftOut> leftOut) {
        StringBuilder md = new StringBuilder();
        md.append("# Reproducing gateway-bench run ").append(record.runId()).append("\n\n")
                .append("Scenario **").append(record.scenario()).append("** on fixture **").append(record.fixture())
                .append("**, churn seed ").append(record.settings().getOrDefault("seed", "42 (before seeds were recorded)"))
                .append("; the run ").append(record.outcome()).append(".\n\n");
        findings(md, findings);
        if (!record.replayable()) {
            md.append("\n## Reproduce it\n\nThis run's journal (schema ").append(record.schema())
                    .append(") is from before the whole scenario as run was recorded, so it cannot be replayed; "
                            + "run its scenario file again (its seed was 42):\n\n```sh\nbin/gateway-bench run ")
                    .append(record.runId()).append("/scenario.yaml\n```\n");
        } else {
            reproduce(md, record, findings, bundleName);
        }
        versionsAndContents(md, record, entries, leftOut);
        return md.toString();
    }

    private static void reproduce(StringBuilder md, RunRecord record, Findings findings, String bundleName) {
        md.append("\n## Reproduce it\n\n```sh\nbin/gateway-bench run --replay ").append(bundleName).append("\n```\n\n")
                .append("This runs `scenario-as-run.yaml` (the scenario with every default filled in and the command-line "
                        + "overrides applied) with the same seed, so the churn sends the same writes in the same order. "
                        + "Chart versions are pinned to the ones below; the replay warns when this machine's nginx, "
                        + "HAProxy or harness differ from them (`--strict-versions` refuses instead).\n");
        if (!findings.neverActivated().isEmpty()) {
            var first = findings.neverActivated().get(0);
            md.append("\nA smaller repro, cut down to the writes up to that route's last one:\n\n```sh\n"
                    + "bin/gateway-bench run --replay ").append(bundleName).append(" --focus ")
                    .append(first.route()).append("\n```\n");
        }
    }

    private static void versionsAndContents(StringBuilder md, RunRecord record, List<Entry> entries,
                                            List<LeftOut> leftOut) {
        md.append("\n## Versions\n\n");
        if (record.versions().isEmpty()) {
            md.append("Not recorded (a journal from before versions were recorded).\n");
        }
        record.versions().forEach((scope, parts) -> {
            md.append("- **").append(scope).append("**: ");
            md.append(String.join(", ", parts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
            md.append('\n');
        });
        md.append("\n## What the bundle holds\n\n| file | bytes | redacted |\n|---|---:|---|\n");
        for (Entry e : entries) {
            md.append("| ").append(e.path()).append(" | ").append(e.bytes()).append(" | ")
                    .append(e.redacted().isEmpty() ? "" : redactions(e.redacted())).append(" |\n");
        }
        md.append("| REPRO.md | | |\n\n")
                .append("`scenario-as-run.yaml` and `versions.json` are written for the bundle from the journal; "
                        + "the rest is the run folder: the journal (`zcat` reads it), the reports, each gateway's "
                        + "configs and logs, and `diagnostics/` when the run collected failure evidence.\n");
        md.append("\n## What was taken out\n\n")
                .append("Every file was searched for private keys, Authorization headers, bearer tokens, JSON web "
                        + "tokens and values of keys that name credentials (token, password, secret, api key, "
                        + "client-key-data); each was replaced by `").append(SecretScrubber.MARK)
                .append("` (counts per file above). Kubeconfigs and key files are left out whole.\n\n");
        if (leftOut.isEmpty()) {
            md.append("No file was left out.\n");
        } else {
            leftOut.forEach(l -> md.append("- `").append(l.path()).append("` left out: ").append(l.why()).append('\n'));
        }
    }

    private static void findings(StringBuilder md, Findings f) {
        md.append("## What went wrong\n\n");
        if (!f.any()) {
            md.append("No finding: every acknowledged write reached its state, no long connection dropped, "
                    + "no assertion failed and no isolation check was violated.\n");
            return;
        }
        if (!f.neverActivated().isEmpty()) {
            int total = f.neverActivated().size() + f.timelinesLeftOut();
            md.append("### Routes that never reached their state (").append(total).append(")\n\n");
            for (Findings.NeverActivated n : f.neverActivated()) {
                md.append("**").append(n.route()).append("** on ").append(n.gateway()).append(" (op ").append(n.op())
                        .append(", expected ").append(n.expect()).append("), times since the gateway started:\n\n");
                n.timeline().forEach(line -> md.append("- ").append(line).append('\n'));
                md.append('\n');
            }
            if (f.timelinesLeftOut() > 0) {
                md.append(f.timelinesLeftOut()).append(" more without a timeline here; the report lists them.\n\n");
            }
        }
        if (!f.drops().isEmpty()) {
            md.append("### Long connections dropped (").append(f.drops().size() + f.dropsLeftOut()).append(")\n\n");
            for (Findings.Drop d : f.drops()) {
                md.append("- ").append(d.gateway()).append(": ").append(d.kind()).append(" connection to ")
                        .append(d.route()).append(' ').append(d.cause())
                        .append(String.format(Locale.ROOT, " at %.3f s", d.atSeconds()));
                if (d.retiringApply() >= 0) {
                    md.append(String.format(Locale.ROOT, ", %.3f s after config apply %d (%s) started",
                            d.sinceApplySeconds(), d.retiringApply(), d.mechanism()));
                } else {
                    md.append(", with no config apply since it opened");
                }
                md.append(d.detail() == null ? "" : " (" + d.detail() + ")").append('\n');
            }
            if (f.dropsLeftOut() > 0) {
                md.append("- and ").append(f.dropsLeftOut()).append(" more (the report has them all)\n");
            }
            md.append('\n');
        }
        list(md, "Assertions that failed", f.failedAssertions());
        list(md, "Isolation checks violated or degraded", f.isolationFindings());
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (!items.isEmpty()) {
            md.append("### ").append(title).append(" (").append(items.size()).append(")\n\n");
            items.forEach(i -> md.append("- ").append(i).append('\n'));
            md.append('\n');
        }
    }

    private static String redactions(Map<String, Integer> redacted) {
        return String.join(", ", redacted.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).toList());
    }
}
