package org.gatewaybench.reports.allure;

import static io.qameta.allure.util.ResultsUtils.createEpicLabel;
import static io.qameta.allure.util.ResultsUtils.createFeatureLabel;
import static io.qameta.allure.util.ResultsUtils.createFrameworkLabel;
import static io.qameta.allure.util.ResultsUtils.createLabel;
import static io.qameta.allure.util.ResultsUtils.createLanguageLabel;
import static io.qameta.allure.util.ResultsUtils.createParameter;
import static io.qameta.allure.util.ResultsUtils.createParentSuiteLabel;
import static io.qameta.allure.util.ResultsUtils.createStoryLabel;
import static io.qameta.allure.util.ResultsUtils.createSubSuiteLabel;
import static io.qameta.allure.util.ResultsUtils.createSuiteLabel;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.gatewaybench.core.isolation.Verdict;
import org.gatewaybench.core.journal.Events;
import org.gatewaybench.reports.FigureFormat;
import org.gatewaybench.reports.analysis.ActivationFigures;
import org.gatewaybench.reports.analysis.Analysis;
import org.gatewaybench.reports.analysis.CheckOutcome;
import org.gatewaybench.reports.analysis.FaultRecovery;
import org.gatewaybench.reports.analysis.GatewayIsolation;
import org.gatewaybench.reports.analysis.OpVerdict;
import org.gatewaybench.reports.analysis.PhaseActivation;
import org.gatewaybench.reports.analysis.RunAnalysis;
import org.gatewaybench.reports.analysis.RunFacts;
import org.gatewaybench.reports.analysis.RunVersions;
import org.gatewaybench.reports.assertion.AssertionResult;
import org.gatewaybench.reports.assertion.Figures;
import org.gatewaybench.reports.html.HtmlReportWriter;
import org.gatewaybench.reports.markdown.MarkdownWriter;
import org.gatewaybench.reports.summary.HistogramLogFiles;

/**
 * The test results of one run, written through an Allure lifecycle: per gateway, one result for
 * its run and one per assertion that applies to it. Attachments shared by several results (the
 * run's summary.md and report.html, a gateway's .hlog and failure evidence) are written once and
 * named by each. Result ids derive from the run, gateway and assertion, so rendering a run again
 * writes the same files; history ids leave the run out, so Allure follows a result across runs.
 * Each isolation check is a result of its own (family isolation): failed when violated or
 * degraded, passed when held or refused, skipped when not applicable, broken when inconclusive.
 */
final class TestResults {

    private final AllureLifecycle lifecycle;
    private final FileSystemResultsWriter writer;
    private final RunAnalysis analysis;
    private final Path runDir;
    private final RunFacts facts;
    private final RunVersions versions;
    private final Map<String, Attachment> written = new HashMap<>();

    TestResults(AllureLifecycle lifecycle, FileSystemResultsWriter writer, RunAnalysis analysis, Path runDir) {
        this.lifecycle = lifecycle;
        this.writer = writer;
        this.analysis = analysis;
        this.runDir = runDir;
        this.facts = RunAnalysis.orNull(analysis::facts);
        this.versions = RunAnalysis.orNull(analysis::versions);
    }

    /** The results of {@code gateway}: its run, its assertions, then its isolation checks. */
    void gateway(String gateway) {
        GatewayVerdict verdict = GatewayVerdict.of(analysis, gateway);
        long[] wall = analysis.layout().wallSpan(gateway);
        String uuid = id(gateway, "run");
        TestResult run = result(uuid, gateway, "run of " + scenario(), gateway + ": the run of " + scenario(), "run")
                .setStatus(verdict.status()).setDescription("The whole run of " + gateway + ": a step per churn phase "
                        + "with its activation figures and a step per fault; the reports of the run attached.");
        if (verdict.message() != null) {
            run.setStatusDetails(new StatusDetails().setMessage(verdict.message()));
        }
        lifecycle.scheduleTestCase(run);
        lifecycle.startTestCase(uuid);
        List<long[]> stepTimes = new ArrayList<>();
        phaseSteps(uuid, gateway, wall[0], stepTimes);
        faultSteps(uuid, gateway, wall[0], stepTimes);
        lifecycle.stopTestCase(uuid);
        attach(uuid, shared(gateway, true));
        finish(uuid, wall[0], wall[1], stepTimes);

        List<Events.AssertionEvaluated> judged = RunAnalysis.orNull(analysis::assertions);
        List<Planned> left = new ArrayList<>(Planned.of(facts, gateway));
        for (Events.AssertionEvaluated e : judged == null ? List.<Events.AssertionEvaluated>of() : judged) {
            if (gateway.equals(e.gateway())) {
                left.remove(new Planned(e.figure(), e.bound()));
                assertion(gateway, AssertionResult.of(e), wall[0], e.at().wall());
            }
        }
        for (Planned p : left) {
            notJudged(gateway, p, verdict, wall);
        }
        GatewayIsolation isolation = RunAnalysis.orNull(() -> analysis.isolation().get(gateway));
        for (CheckOutcome c : isolation == null ? List.<CheckOutcome>of() : isolation.checks()) {
            isolationCheck(gateway, c, wall);
        }
    }

    private void isolationCheck(String gateway, CheckOutcome c, long[] wall) {
        Verdict v = c.verdict();
        Status status = v.finding() ? Status.FAILED : v.safe() ? Status.PASSED
                : v == Verdict.NOT_APPLICABLE ? Status.SKIPPED : Status.BROKEN;
        String check = c.check().word();
        String uuid = id(gateway, "isolation " + check);
        TestResult result = result(uuid, gateway, check, gateway + ": isolation " + check, Analysis.ISOLATION.word())
                .setStatus(status).setDescription(c.check().summary() + ": " + v.word() + ". The evidence (requests "
                        + "sampled, the backend that answered, timings) is in report.html.")
                .setStatusDetails(new StatusDetails().setMessage(v.word() + ": " + c.reason()));
        result.getParameters().add(createParameter("verdict", v.word()));
        new TreeMap<>(c.figures()).forEach((name, value) -> result.getParameters().add(createParameter(name,
                FigureFormat.significant(value))));
        lifecycle.scheduleTestCase(result);
        lifecycle.startTestCase(uuid);
        lifecycle.stopTestCase(uuid);
        attach(uuid, shared(gateway, status == Status.FAILED));
        finish(uuid, wall[0], wall[1], List.of());
    }

    /** An assertion as the scenario set it, applying to one gateway. */
    private record Planned(String figure, String bound) {

        /** The assertions of the scenario as run that apply to {@code gateway}. */
        static List<Planned> of(RunFacts facts, String gateway) {
            List<Planned> planned = new ArrayList<>();
            if (facts != null && facts.settings().get("assertions") instanceof List<?> all) {
                for (Object item : all) {
                    if (item instanceof Map<?, ?> a && applies(a.get("gateways"), gateway)) {
                        planned.add(new Planned(String.valueOf(a.get("figure")), String.valueOf(a.get("bound")).trim()));
                    }
                }
            }
            return planned;
        }

        private static boolean applies(Object gateways, String gateway) {
            return !(gateways instanceof List<?> names) || names.isEmpty() || names.contains(gateway);
        }
    }

    private void assertion(String gateway, AssertionResult r, long start, long stop) {
        String family = family(r.figure());
        String uuid = id(gateway, r.figure() + " " + r.bound());
        TestResult result = result(uuid, gateway, r.figure() + " " + r.bound(), gateway + ": " + r.figure() + " "
                + r.bound(), family).setStatus(r.passed() ? Status.PASSED : Status.FAILED)
                .setDescription("The scenario's assertion " + r.figure() + " " + r.bound() + ", judged at the end of "
                        + gateway + "'s run: measured " + r.measuredText() + ".");
        result.getParameters().add(createParameter("bound", r.bound()));
        result.getParameters().add(createParameter("measured", r.measuredText()));
        if (!r.passed()) {
            result.setStatusDetails(new StatusDetails().setMessage(Categories.TARGET_MISSED + ": " + r.describe()));
        }
        lifecycle.scheduleTestCase(result);
        lifecycle.startTestCase(uuid);
        String step = UUID.nameUUIDFromBytes((uuid + "/judge").getBytes(StandardCharsets.UTF_8)).toString();
        lifecycle.startStep(uuid, step, new StepResult().setName(r.figure() + " = " + r.measuredText() + ", bound "
                + r.bound()).setStatus(result.getStatus()).setParameters(new ArrayList<>(List.of(
                createParameter("measured (" + r.unit() + ")", r.measured() == null ? "none" : r.measured()),
                createParameter("detail", r.detail() == null ? "" : r.detail())))));
        lifecycle.stopStep(step);
        lifecycle.stopTestCase(uuid);
        attach(uuid, shared(gateway, !r.passed()));
        if (!r.passed() && family.equals(Analysis.ACTIVATION.word())) {
            slowestWrites(gateway).ifPresent(a -> attach(uuid, List.of(a)));
        }
        finish(uuid, start, stop, List.of(new long[] {stop, stop}));
    }

    /** An assertion the run never judged for {@code gateway}: its run did not end. */
    private void notJudged(String gateway, Planned p, GatewayVerdict verdict, long[] wall) {
        String uuid = id(gateway, p.figure() + " " + p.bound());
        Status status = verdict.status() == Status.SKIPPED ? Status.SKIPPED : Status.BROKEN;
        TestResult result = result(uuid, gateway, p.figure() + " " + p.bound(), gateway + ": " + p.figure() + " "
                + p.bound(), family(p.figure())).setStatus(status).setStatusDetails(new StatusDetails().setMessage(
                verdict.message() == null ? "not judged" : verdict.message()));
        result.getParameters().add(createParameter("bound", p.bound()));
        lifecycle.scheduleTestCase(result);
        lifecycle.startTestCase(uuid);
        lifecycle.stopTestCase(uuid);
        attach(uuid, shared(gateway, true));
        finish(uuid, wall[0], wall[1], List.of());
    }

    private TestResult result(String uuid, String gateway, String name, String fullName, String family) {
        String scenario = scenario();
        List<Label> labels = new ArrayList<>(List.of(createParentSuiteLabel(scenario), createSuiteLabel(gateway),
                createSubSuiteLabel(family), createEpicLabel(scenario), createFeatureLabel(gateway),
                createStoryLabel(family), createLabel("scenario", scenario), createLabel("gateway", gateway),
                createLabel("family", family), createFrameworkLabel("gateway-bench"), createLanguageLabel("java")));
        if (facts != null && facts.host() != null) {
            labels.add(createLabel(ResultsUtils.HOST_LABEL_NAME, facts.host()));
        }
        List<Parameter> parameters = new ArrayList<>(List.of(createParameter("gateway", gateway),
                createParameter("version", version(gateway)),
                createParameter("fixture", facts == null ? "unknown" : String.valueOf(facts.fixture())),
                createParameter("routes", routes())));
        String history = scenario + "/" + fullName;
        return new TestResult().setUuid(uuid).setName(name).setFullName("gateway-bench." + scenario + "." + fullName)
                .setHistoryId(UUID.nameUUIDFromBytes(history.getBytes(StandardCharsets.UTF_8)).toString())
                .setTestCaseId(history).setLabels(labels).setParameters(parameters);
    }

    private void phaseSteps(String uuid, String gateway, long origin, List<long[]> times) {
        var activation = RunAnalysis.orNull(() -> analysis.activation().get(gateway));
        if (activation == null) {
            return;
        }
        for (PhaseActivation p : activation.phases()) {
            ActivationFigures f = p.figures();
            String step = id(gateway, "phase " + p.span().index());
            lifecycle.startStep(uuid, step, new StepResult()
                    .setName("phase " + p.span().phase() + " (" + p.span().kind().word() + "): " + f.ops() + " writes")
                    .setStatus(Status.PASSED).setParameters(new ArrayList<>(List.of(
                            createParameter("activated", f.activation().count()),
                            createParameter("activation p50 ms", ms(f.activation().p50Nanos(), f.activation().isEmpty())),
                            createParameter("activation p99 ms", ms(f.activation().p99Nanos(), f.activation().isEmpty())),
                            createParameter("activation max ms", ms(f.activation().maxNanos(), f.activation().isEmpty())),
                            createParameter("never activated", f.neverActivated()),
                            createParameter("deactivated", f.deactivation().count()),
                            createParameter("never deactivated", f.neverDeactivated()),
                            createParameter("error polls", f.errorPolls()),
                            createParameter("failed writes", f.failedOps())))));
            lifecycle.stopStep(step);
            double end = p.span().ended() ? p.span().endSeconds() : p.span().startSeconds();
            times.add(new long[] {origin + Math.round(p.span().startSeconds() * 1000), origin + Math.round(end * 1000)});
        }
    }

    private void faultSteps(String uuid, String gateway, long origin, List<long[]> times) {
        var faults = RunAnalysis.orNull(() -> analysis.faults().get(gateway));
        if (faults == null) {
            return;
        }
        for (FaultRecovery f : faults.faults()) {
            String step = id(gateway, "fault " + f.fault());
            lifecycle.startStep(uuid, step, new StepResult().setName("fault #" + f.fault() + " " + f.describe())
                    .setStatus(f.healed() && f.healOk() ? Status.PASSED : Status.BROKEN)
                    .setParameters(new ArrayList<>(List.of(createParameter("detail", String.valueOf(f.detail())),
                            createParameter("outage s", FigureFormat.seconds(f.outageSeconds())),
                            createParameter("healed", f.healed() ? FigureFormat.seconds(f.healSeconds()) + " s" : "never"),
                            createParameter("traffic recovered after s", seconds(f.trafficRecoverySeconds())),
                            createParameter("routes activate again after s", seconds(f.activationRecoverySeconds())),
                            createParameter("error polls during / after", f.errorPollsDuring() + " / "
                                    + f.errorPollsAfter())))));
            lifecycle.stopStep(step);
            double end = f.healed() ? f.healSeconds() : f.startSeconds();
            times.add(new long[] {origin + Math.round(f.startSeconds() * 1000), origin + Math.round(end * 1000)});
        }
    }

    /** Stamps the result and its steps with the run's wall-clock times (not the rendering's), then writes it. */
    private void finish(String uuid, long start, long stop, List<long[]> stepTimes) {
        lifecycle.updateTestCase(uuid, r -> {
            r.setStart(start).setStop(stop);
            for (int i = 0; i < r.getSteps().size() && i < stepTimes.size(); i++) {
                r.getSteps().get(i).setStart(stepTimes.get(i)[0]).setStop(stepTimes.get(i)[1]);
            }
        });
        lifecycle.writeTestCase(uuid);
    }

    private void attach(String uuid, List<Attachment> attachments) {
        lifecycle.updateTestCase(uuid, r -> r.getAttachments().addAll(attachments));
    }

    /**
     * The run's summary.md, and with {@code all} also report.html, the gateway's .hlog and the
     * failure evidence collected for it (diagnostics/).
     */
    private List<Attachment> shared(String gateway, boolean all) {
        List<Attachment> list = new ArrayList<>();
        file(runDir.resolve(MarkdownWriter.FILE_NAME), "summary.md", "text/plain").ifPresent(list::add);
        if (!all) {
            return list;
        }
        file(runDir.resolve(HtmlReportWriter.FILE_NAME), "report.html", "text/html").ifPresent(list::add);
        for (HistogramLogFiles.Kind kind : HistogramLogFiles.Kind.values()) {
            file(runDir.resolve(kind.fileName(gateway)), kind.fileName(gateway), "text/plain").ifPresent(list::add);
        }
        List<Events.DiagnosticsCollected> diagnostics = RunAnalysis.orNull(analysis::diagnostics);
        for (Events.DiagnosticsCollected d : diagnostics == null ? List.<Events.DiagnosticsCollected>of() : diagnostics) {
            if (d.gateway() == null || d.gateway().equals(gateway)) {
                for (String f : d.files()) {
                    file(runDir.resolve(f), f + " (" + d.reason() + ")", "text/plain").ifPresent(list::add);
                }
            }
        }
        return list;
    }

    /** The slowest and never-activated writes of a gateway: what failed an activation bound. */
    private Optional<Attachment> slowestWrites(String gateway) {
        var activation = RunAnalysis.orNull(() -> analysis.activation().get(gateway));
        if (activation == null) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder("The slowest activations of " + gateway
                + " (ms from the API's ack to the first of the right answers in a row), then the routes never activated.\n\n");
        activation.ops().stream().filter(v -> v.expectsPresent()
                        && v.state() == OpVerdict.State.REACHED)
                .sorted((a, b) -> Long.compare(b.latencyNanos(), a.latencyNanos())).limit(20)
                .forEach(v -> text.append(String.format("op %d %s %s%s: %s ms (resolution %s ms)%n", v.op(),
                        v.kind().word(), v.host(), v.path(), FigureFormat.millis(v.latencyNanos()),
                        FigureFormat.millis(v.resolutionNanos()))));
        activation.ops().stream().filter(v -> v.expectsPresent()
                        && v.state() == OpVerdict.State.GAVE_UP).limit(100)
                .forEach(v -> text.append(String.format("op %d %s %s%s: never activated%n", v.op(), v.kind().word(),
                        v.host(), v.path())));
        return Optional.of(write("slowest-activations-" + gateway, "slowest activations.txt", "text/plain", "txt",
                new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8))));
    }

    /** A file of the run as an attachment, written once; empty when the file does not exist. */
    private Optional<Attachment> file(Path file, String name, String type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String fileName = file.getFileName().toString();
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "txt";
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(write(runDir.relativize(file).toString(), name, type, ext, in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot attach " + file, e);
        }
    }

    private Attachment write(String key, String name, String type, String ext, InputStream content) {
        Attachment known = written.get(key);
        if (known != null) {
            return known;
        }
        String source = UUID.nameUUIDFromBytes((id("attachment", key)).getBytes(StandardCharsets.UTF_8))
                + "-attachment." + ext;
        writer.write(source, content);
        Attachment a = new Attachment().setName(name).setType(type).setSource(source);
        written.put(key, a);
        return a;
    }

    /** An id that the same run, gateway and subject always get. */
    private String id(String gateway, String subject) {
        String run = facts == null ? "" : Objects.toString(facts.runId(), "");
        return UUID.nameUUIDFromBytes((run + "/" + gateway + "/" + subject).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String scenario() {
        return facts == null || facts.scenario() == null ? "unknown" : facts.scenario();
    }

    private String version(String gateway) {
        String v = versions == null ? null : versions.summary(gateway);
        return v == null ? "unknown" : v;
    }

    /**
     * The most routes the churn keeps: the highest ramp target or steady population of the scenario
     * as run (schema-1 journals wrote a flat {@code routes}).
     */
    private String routes() {
        long most = 0;
        if (facts != null && facts.settings().get("routes") instanceof Number n) {
            most = n.longValue();
        }
        if (facts != null && facts.settings().get("churn") instanceof Map<?, ?> churn
                && churn.get("phases") instanceof List<?> phases) {
            for (Object phase : phases) {
                if (phase instanceof Map<?, ?> p) {
                    for (String key : List.of("to", "population")) {
                        if (p.get(key) instanceof Number n) {
                            most = Math.max(most, n.longValue());
                        }
                    }
                }
            }
        }
        return most == 0 ? "unknown" : Long.toString(most);
    }

    private static String family(String figure) {
        return Figures.named(figure).map(f -> f.family().word()).orElse("unknown");
    }

    private static String ms(long nanos, boolean none) {
        return none ? FigureFormat.NONE : FigureFormat.millis(nanos);
    }

    private static String seconds(double s) {
        return Double.isNaN(s) ? FigureFormat.NONE : FigureFormat.seconds(s);
    }
}
