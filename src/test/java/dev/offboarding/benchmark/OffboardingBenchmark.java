package dev.offboarding.benchmark;

import static org.awaitility.Awaitility.await;

import dev.offboarding.Http;
import dev.offboarding.OffboardingApplication;
import dev.offboarding.production.SharedPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark of docs/performance.md: {@code mvn -Pbenchmark test}. Not part of {@code mvn verify}. Prints its
 * figures and writes them to target/benchmark/results.md. Run it on a quiet machine; the figures that matter are the
 * ratios measured in one run.
 */
class OffboardingBenchmark {

    /** {@code -Dbenchmark.scale=0.1} runs a tenth of everything, to try the benchmark out. */
    static final double SCALE = Double.parseDouble(System.getProperty("benchmark.scale", "1"));
    static final int BULK = scaled(2000);
    static final int LATENCY_REQUESTS = scaled(800);
    static final int CLIENTS = 16;
    static final int RATE_LIMITED = scaled(150);
    static final double RATE_LIMIT = 100;
    static final int WAITING = scaled(10_000);
    /**
     * Offboardings and baseline instances run before either is measured, so that neither measure pays for the JIT
     * compiler and cold caches while the other does not.
     */
    static final int WARM_UP = 200;
    /** lookUpUser, blockSignIn, backUpMailbox, removeLicenses, deleteUser: then the restore window. */
    static final int ASYNC_STEPS = 5;
    /** offboarding.bpmn with its service tasks as no-ops. */
    static final String MODEL_ONLY = "offboardingModelOnly";

    private final List<String> report = new ArrayList<>();

    /**
     * The service tasks of the baseline and of the model-only process: a Spring bean called through a delegate
     * expression, as the offboarding's delegates are, that does nothing.
     */
    static class NoOpStep implements JavaDelegate {
        static final String BEAN = "noOpStep";

        @Override
        public void execute(DelegateExecution execution) {
            // Nothing: the engine's work around a step is what is measured.
        }
    }

    /** {@code -Dbenchmark.parts=h2,postgres,rate,heap,feel} runs some parts only (all by default). */
    private static boolean part(String name) {
        String parts = System.getProperty("benchmark.parts", "h2,postgres,rate,heap,feel");
        return java.util.Arrays.asList(parts.split(",")).contains(name);
    }

    private static int scaled(int count) {
        return Math.max(1, (int) Math.round(count * SCALE));
    }

    @Test
    void run() throws Exception {
        line("# Benchmark results");
        line("");
        line("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ".");
        line("");
        Path work = Files.createTempDirectory("offboarding-benchmark");
        // First: an application that ran offboardings leaves some 50 MB in this JVM's heap after it is closed, which
        // the heap measure would count.
        if (part("heap")) {
            heapWithManyWaiting(SharedPostgres.newDatabase(), work.resolve("heap"));
        }
        if (part("h2")) {
            throughputAndLatency("H2 file", List.of("--spring.datasource.url=jdbc:h2:file:" + work.resolve("h2/offboarding")
                    + ";DB_CLOSE_ON_EXIT=FALSE"), work.resolve("h2"));
        }
        if (part("postgres")) {
            String postgres = SharedPostgres.newDatabase();
            throughputAndLatency("PostgreSQL", List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres,
                    "--spring.datasource.username=postgres"), work.resolve("pg"));
        }
        if (part("rate")) {
            rateLimited(SharedPostgres.newDatabase(), work.resolve("rate"));
        }
        if (part("feel")) {
            decisionTable();
        }
        Files.createDirectories(Path.of("target/benchmark"));
        Files.write(Path.of("target/benchmark/results.md"), report);
    }

    private void throughputAndLatency(String database, List<String> connection, Path work) throws Exception {
        try (ConfigurableApplicationContext app = start(connection, work, BULK + LATENCY_REQUESTS + WARM_UP)) {
            Http http = http(app);
            RuntimeService runtime = app.getBean(RuntimeService.class);
            ManagementService management = app.getBean(ManagementService.class);
            deployBaseline(app.getBean(RepositoryService.class));

            int firstWarmUpUser = BULK + LATENCY_REQUESTS + 1;
            bulk(http, firstWarmUpUser, firstWarmUpUser + WARM_UP - 1);
            awaitWaiting(management, "restoreWindowExpired", WARM_UP);
            startBaseline(runtime, WARM_UP);
            awaitWaiting(management, "baselineWaits", WARM_UP);

            MeterRegistry meters = app.getBean(MeterRegistry.class);
            java.util.Map<String, double[]> stepsBefore = stepTotals(meters);
            long cpu = cpuNanos();
            long started = System.nanoTime();
            for (int from = 1; from <= BULK; from += 1000) {
                bulk(http, from, Math.min(BULK, from + 999));
            }
            double startedIn = seconds(started);
            awaitWaiting(management, "restoreWindowExpired", WARM_UP + BULK);
            double offboardingsPerSecond = BULK / seconds(started);
            double offboardingCpuMs = (cpuNanos() - cpu) / 1e6 / BULK;
            // The steps the measured offboardings ran (the baseline's steps are measured too, and ran before).
            String steps = stepTotals(meters).entrySet().stream()
                    .filter(step -> step.getValue()[0] > stepsBefore.getOrDefault(step.getKey(), new double[2])[0])
                    .map(step -> {
                        double[] before = stepsBefore.getOrDefault(step.getKey(), new double[2]);
                        return String.format(Locale.ROOT, "%s %.1f ms", step.getKey(),
                                (step.getValue()[1] - before[1]) / (step.getValue()[0] - before[0]));
                    })
                    .sorted().collect(Collectors.joining(", "));

            cpu = cpuNanos();
            started = System.nanoTime();
            startBaseline(runtime, BULK);
            awaitWaiting(management, "baselineWaits", WARM_UP + BULK);
            double baselinePerSecond = BULK / seconds(started);
            double baselineCpuMs = (cpuNanos() - cpu) / 1e6 / BULK;

            // Between the two ends: the baseline carrying the variables an offboarding has, then the offboarding's own
            // model with its service tasks as no-ops. What each adds to the engine's work shows where the ratio goes.
            VariableMap offboardingVariables = variablesOfOneOffboarding(runtime);
            cpu = cpuNanos();
            started = System.nanoTime();
            startFromFourThreads(runtime, "baseline", BULK, n -> offboardingVariables);
            awaitWaiting(management, "baselineWaits", WARM_UP + 2 * BULK);
            double withVariablesPerSecond = BULK / seconds(started);
            double withVariablesCpuMs = (cpuNanos() - cpu) / 1e6 / BULK;

            deployModelOnly(app.getBean(RepositoryService.class));
            cpu = cpuNanos();
            started = System.nanoTime();
            startModelOnly(runtime, BULK, offboardingVariables);
            awaitWaiting(management, MODEL_ONLY, "restoreWindowExpired", BULK);
            double modelOnlyPerSecond = BULK / seconds(started);
            double modelOnlyCpuMs = (cpuNanos() - cpu) / 1e6 / BULK;

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger(BULK + 1);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> requests = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                requests.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n <= BULK + LATENCY_REQUESTS; n = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        Http.Response response = http.postJson("/api/offboardings", "admin",
                                "{\"userPrincipalName\": \"" + user(n) + "\"}");
                        latencies.add(System.nanoTime() - t);
                        if (response.status() != 201) {
                            throw new IllegalStateException(response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> request : requests) {
                request.get();
            }
            clients.shutdown();
            Collections.sort(latencies);

            line("## " + database);
            line("");
            line("| measure | value |");
            line("| --- | --- |");
            line(String.format(Locale.ROOT, "| offboardings per second, %d started by bulk request, up to the restore window | %.1f |",
                    BULK, offboardingsPerSecond));
            line(String.format(Locale.ROOT, "| baseline: instances per second, %d async no-op steps and a timer | %.1f |",
                    ASYNC_STEPS, baselinePerSecond));
            line(String.format(Locale.ROOT, "| ratio offboarding / baseline (target at least 0.8) | **%.2f** |",
                    offboardingsPerSecond / baselinePerSecond));
            line(String.format(Locale.ROOT, "| REST start latency with %d concurrent clients, %d requests: p50 / p99 | %.0f ms / %.0f ms |",
                    CLIENTS, LATENCY_REQUESTS, percentile(latencies, 0.50), percentile(latencies, 0.99)));
            line(String.format(Locale.ROOT, "| starting the %d by bulk request took | %.1f s |", BULK, startedIn));
            line(String.format(Locale.ROOT, "| CPU time of the JVM per instance: offboarding / baseline | %.1f ms / %.1f ms |",
                    offboardingCpuMs, baselineCpuMs));
            line("| mean step durations | " + steps + " |");
            line("");
            line("Where the difference comes from (" + BULK + " instances each, started from four threads like the baseline):");
            line("");
            line("| process | instances per second | / baseline | CPU per instance |");
            line("| --- | --- | --- | --- |");
            decomposition("baseline: " + ASYNC_STEPS + " async no-op steps and a timer", baselinePerSecond, baselinePerSecond, baselineCpuMs);
            decomposition("the baseline given the " + offboardingVariables.size() + " variables an offboarding has",
                    withVariablesPerSecond, baselinePerSecond, withVariablesCpuMs);
            decomposition("the offboarding model, service tasks as no-ops, the same variables given at start",
                    modelOnlyPerSecond, baselinePerSecond, modelOnlyCpuMs);
            decomposition("the offboarding, by bulk request, against the sandbox tenant", offboardingsPerSecond, baselinePerSecond,
                    offboardingCpuMs);
            line("");
        }
    }

    private void rateLimited(String postgres, Path work) throws Exception {
        List<String> settings = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres,
                "--spring.datasource.username=postgres", "--offboarding.sandbox.max-attempts=20"));
        try (ConfigurableApplicationContext app = start(settings, work, RATE_LIMITED)) {
            Http http = http(app);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            Http.Response changed = http.send("PUT", "/api/sandbox/faults", "admin", "application/json",
                    "{\"throttledShare\":0,\"retryAfter\":\"PT1S\",\"serverErrorShare\":0,\"timeoutShare\":0,\"timeout\":\"PT2S\","
                            + "\"latency\":\"PT0S\",\"callsPerSecond\":" + RATE_LIMIT + ",\"failingOperations\":[]}");
            if (changed.status() != 200) {
                throw new IllegalStateException(changed.body());
            }
            double okBefore = okCalls(meters);
            long started = System.nanoTime();
            bulk(http, 1, RATE_LIMITED);
            awaitWaitingThroughRetries(app.getBean(ManagementService.class), "restoreWindowExpired", RATE_LIMITED);
            double elapsed = seconds(started);
            double useful = (okCalls(meters) - okBefore) / elapsed;
            long incidents = app.getBean(RuntimeService.class).createIncidentQuery().count();
            double throttled = Search.in(meters).name("offboarding.tenant.calls").tag("outcome", "429").timers().stream()
                    .mapToDouble(t -> t.count()).sum();
            line("## Sandbox limited to " + (int) RATE_LIMIT + " calls per second (PostgreSQL)");
            line("");
            line("| measure | value |");
            line("| --- | --- |");
            line(String.format(Locale.ROOT, "| offboardings | %d, %d incidents, %.0f throttled answers |", RATE_LIMITED, incidents, throttled));
            line(String.format(Locale.ROOT, "| useful calls per second | %.1f |", useful));
            line(String.format(Locale.ROOT, "| useful call rate / limit (target at least 0.9) | **%.2f** |", useful / RATE_LIMIT));
            line("");
        }
    }

    private void heapWithManyWaiting(String postgres, Path work) throws Exception {
        List<String> settings = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + postgres,
                "--spring.datasource.username=postgres");
        try (ConfigurableApplicationContext app = start(settings, work, WAITING)) {
            Http http = http(app);
            ManagementService management = app.getBean(ManagementService.class);
            List<String> heap = new ArrayList<>();
            heap.add("0: " + usedHeapMb() + " MB");
            int chunk = Math.max(1, Math.min(1000, WAITING / 4));
            for (int from = 1; from <= WAITING; from += chunk) {
                int to = Math.min(WAITING, from + chunk - 1);
                bulk(http, from, to);
                awaitWaiting(management, "restoreWindowExpired", to);
                heap.add(String.format(Locale.ROOT, "%,d: %d MB", to, usedHeapMb()));
            }
            line("## Heap with " + String.format(Locale.ROOT, "%,d", WAITING) + " offboardings waiting in the restore window (PostgreSQL)");
            line("");
            line("Used heap after a full GC, by offboardings waiting: " + String.join(", ", heap)
                    + " (target: flat, under 512 MB).");
            line("");
        }
    }

    /**
     * The decision table offboardingRoute evaluated by the DMN engine alone, with Camunda's default FEEL engine (Scala)
     * and with the JUEL-based one that {@code dmn-feel-enable-legacy-behavior} selects (application.yaml).
     */
    private void decisionTable() throws IOException {
        VariableMap user = Variables.createVariables()
                .putValue("mailboxAction", "DELETE").putValue("hasMailbox", true).putValue("mailboxType", "UserMailbox")
                .putValue("forwardingEnabled", false).putValue("onPremisesSyncEnabled", false)
                .putValue("mailboxOver50Gb", false).putValue("archiveEnabled", false).putValue("litigationHoldEnabled", false)
                .putValue("stopForwarding", false);
        List<String> rates = new ArrayList<>();
        for (boolean juel : List.of(false, true)) {
            var configuration = (org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
                    org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
            configuration.enableFeelLegacyBehavior(juel);
            // The table's input expressions are JUEL ("forwardingEnabled and not stopForwarding"), as the application
            // evaluates them; what differs between the two is the engine for the rules' tests.
            configuration.setDefaultInputExpressionExpressionLanguage("juel");
            org.camunda.bpm.dmn.engine.DmnEngine engine = configuration.buildEngine();
            org.camunda.bpm.dmn.engine.DmnDecision decision;
            try (var model = OffboardingBenchmark.class.getResourceAsStream("/processes/offboarding-route.dmn")) {
                decision = engine.parseDecision("offboardingRoute", model);
            }
            evaluateFor(engine, decision, user, Duration.ofSeconds(2));
            long started = System.nanoTime();
            long evaluated = evaluateFor(engine, decision, user, Duration.ofSeconds(5));
            rates.add(String.format(Locale.ROOT, "%,.0f", evaluated / seconds(started)));
        }
        line("## Decision table offboardingRoute, DMN engine alone");
        line("");
        line("| FEEL engine | evaluations per second |");
        line("| --- | --- |");
        line("| Scala FEEL (Camunda's default) | " + rates.get(0) + " |");
        line("| JUEL-based (`dmn-feel-enable-legacy-behavior: true`, application.yaml) | " + rates.get(1) + " |");
        line("");
    }

    private static long evaluateFor(org.camunda.bpm.dmn.engine.DmnEngine engine, org.camunda.bpm.dmn.engine.DmnDecision decision,
                                    VariableMap variables, Duration time) {
        long until = System.nanoTime() + time.toNanos();
        long evaluated = 0;
        while (System.nanoTime() - until < 0) {
            engine.evaluateDecisionTable(decision, variables);
            evaluated++;
        }
        return evaluated;
    }

    private ConfigurableApplicationContext start(List<String> connection, Path work, int users) {
        List<String> settings = new ArrayList<>(connection);
        settings.addAll(List.of("--server.port=0", "--offboarding.backup.directory=" + work.resolve("backups"),
                "--offboarding.sandbox.generated-users=" + users,
                "--offboarding.demo.users[0].id=admin", "--offboarding.demo.users[0].password=admin",
                "--offboarding.demo.users[0].first-name=Ada", "--offboarding.demo.users[0].last-name=Admin",
                "--offboarding.demo.users[0].groups[0]=camunda-admin", "--offboarding.demo.users[0].groups[1]=global-admins",
                "--camunda.bpm.job-execution.core-pool-size=8", "--camunda.bpm.job-execution.max-pool-size=8",
                "--camunda.bpm.job-execution.queue-capacity=16", "--camunda.bpm.job-execution.max-jobs-per-acquisition=8",
                "--spring.datasource.hikari.maximum-pool-size=30",
                "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.jobexecutor=OFF",
                "--logging.level.org.camunda.bpm.engine.context=OFF"));
        return new SpringApplicationBuilder(OffboardingApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton(NoOpStep.BEAN, new NoOpStep()))
                .run(settings.toArray(String[]::new));
    }

    private static void bulk(Http http, int from, int to) {
        String csv = "userPrincipalName,reason,mailboxAction\n" + IntStream.rangeClosed(from, to)
                .mapToObj(n -> user(n) + ",Benchmark,DELETE").collect(Collectors.joining("\n")) + "\n";
        Http.Response response = http.post("/api/offboardings/bulk", "admin", "text/csv", csv);
        if (response.status() != 200 || response.json().get("failed").asInt() != 0) {
            throw new IllegalStateException("Bulk start failed: " + response.body().substring(0, Math.min(2000, response.body().length())));
        }
    }

    private static void awaitWaiting(ManagementService management, String timer, long count) {
        awaitWaiting(management, null, timer, count);
    }

    /**
     * Waits until count instances wait at the timer. Fails at once when a step failed: nothing fails in these parts
     * (the rate-limited part, where steps may be retried, waits with {@link #awaitWaitingThroughRetries}).
     */
    private static void awaitWaiting(ManagementService management, String processKey, String timer, long count) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .failFast(() -> {
                    var failed = management.createJobQuery().withException().listPage(0, 1);
                    if (!failed.isEmpty()) {
                        throw new IllegalStateException("A step failed: " + failed.get(0).getExceptionMessage());
                    }
                })
                .until(() -> {
                    var waiting = management.createJobQuery().activityId(timer).timers();
                    return (processKey == null ? waiting : waiting.processDefinitionKey(processKey)).count() >= count;
                });
    }

    private static void awaitWaitingThroughRetries(ManagementService management, String timer, long count) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> management.createJobQuery().activityId(timer).timers().count() >= count);
    }

    private void decomposition(String process, double perSecond, double baselinePerSecond, double cpuMs) throws IOException {
        line(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.1f ms |", process, perSecond, perSecond / baselinePerSecond, cpuMs));
    }

    /** The variables of one offboarding waiting in the restore window, as the process instance has them. */
    private static VariableMap variablesOfOneOffboarding(RuntimeService runtime) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("offboarding").listPage(0, 1).get(0).getId();
        return runtime.getVariablesTyped(instance, false);
    }

    /**
     * offboarding.bpmn as it is (gateways, sub-processes, listeners, the decision table, the timers), deployed as
     * {@value #MODEL_ONLY} with every service task the delegate that does nothing, so that only the engine's work for
     * the model is left.
     */
    private static void deployModelOnly(RepositoryService repository) throws IOException {
        BpmnModelInstance model;
        try (var bpmn = OffboardingBenchmark.class.getResourceAsStream("/processes/offboarding.bpmn")) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        model.getModelElementsByType(Process.class).iterator().next().setId(MODEL_ONLY);
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.setCamundaDelegateExpression("${" + NoOpStep.BEAN + "}");
        }
        // The decision tables are bound by deployment: they go with the model.
        repository.createDeployment().addModelInstance("offboarding-model-only.bpmn", model)
                .addClasspathResource("processes/offboarding-route.dmn")
                .addClasspathResource("processes/license-reducible.dmn")
                .deploy();
    }

    /** Starts the model-only process like the baseline, each instance for its own user (the start listener wants one). */
    private static void startModelOnly(RuntimeService runtime, int count, VariableMap variables) throws Exception {
        startFromFourThreads(runtime, MODEL_ONLY, count, n -> {
            VariableMap own = Variables.createVariables();
            own.putAll(variables);
            own.putValue("userPrincipalName", String.format(Locale.ROOT, "model%05d@contoso.com", n));
            // As the bulk request gives them: the start listener then skips the decision task.
            own.putValue("decisions", "{\"mailboxAction\": \"DELETE\"}");
            return own;
        });
    }

    private static void deployBaseline(RepositoryService repository) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("baseline").camundaHistoryTimeToLive(1).startEvent();
        for (int i = 1; i <= ASYNC_STEPS; i++) {
            flow = flow.serviceTask("step" + i).camundaAsyncBefore().camundaDelegateExpression("${" + NoOpStep.BEAN + "}");
        }
        BpmnModelInstance model = flow.intermediateCatchEvent("baselineWaits").timerWithDuration("P30D").endEvent().done();
        repository.createDeployment().addModelInstance("baseline.bpmn", model).deploy();
    }

    /** Per step: how many completed runs so far and their total milliseconds. */
    private static java.util.Map<String, double[]> stepTotals(MeterRegistry meters) {
        java.util.Map<String, double[]> totals = new java.util.TreeMap<>();
        Search.in(meters).name("offboarding.step.duration").tag("result", "completed").timers().forEach(t -> {
            double[] total = totals.computeIfAbsent(t.getId().getTag("step"), k -> new double[2]);
            total[0] += t.count();
            total[1] += t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS);
        });
        return totals;
    }

    /** Starts the baseline from four threads, as the engine's own API would be called by a few clients. */
    private static void startBaseline(RuntimeService runtime, int count) throws Exception {
        startFromFourThreads(runtime, "baseline", count, n -> Variables.createVariables());
    }

    private static void startFromFourThreads(RuntimeService runtime, String processKey, int count,
                                             IntFunction<VariableMap> variables) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(4);
        List<Future<?>> starts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            VariableMap given = variables.apply(i);
            starts.add(starters.submit(() -> runtime.startProcessInstanceByKey(processKey, given)));
        }
        for (Future<?> start : starts) {
            start.get();
        }
        starters.shutdown();
    }

    /** CPU time of this JVM (the application and the benchmark's clients) so far. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double okCalls(MeterRegistry meters) {
        return Search.in(meters).name("offboarding.tenant.calls").tag("outcome", "ok").timers().stream()
                .mapToDouble(t -> t.count()).sum();
    }

    private static long usedHeapMb() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private static String user(int n) {
        return String.format(Locale.ROOT, "bulk%05d@contoso.com", n);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double percentile(List<Long> sortedNanos, double p) {
        return sortedNanos.get((int) Math.min(sortedNanos.size() - 1, Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
    }

    private void line(String text) throws IOException {
        System.out.println(text);
        report.add(text);
    }
}
