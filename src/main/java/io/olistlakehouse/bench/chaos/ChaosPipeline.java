package io.olistlakehouse.bench.chaos;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.RestartingProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The four jobs of one chaos run, each a real {@code bin/lakehouse} process under a {@link RestartingProcess}, the
 * way {@code infra/systemd/} runs them: the replay and the two streaming jobs restart after a failure, the batch runs
 * again and again. They share the run's scratch topics, tables and checkpoints, passed as LAKEHOUSE_* variables.
 */
final class ChaosPipeline implements AutoCloseable {

  /** The line each job writes when it has made progress: a replay progress line, a micro-batch, a batch job. */
  static final Map<String, Pattern> PROGRESS = Map.of(
      Fault.REPLAY, Pattern.compile("(?m)^replay: [0-9,]+ events "),
      Fault.INGEST, Pattern.compile("(?m)^micro-batch \\d+: "),
      Fault.SPEED, Pattern.compile("(?m)^micro-batch \\d+: "),
      Fault.BATCH, Pattern.compile("(?m)^batch: running (silver|gold)\\."));

  static final String MAINTAIN = "maintain";

  /** A streaming job's start, which is all a restarted job shows once the replay has ended. */
  static final Pattern STARTED = Pattern.compile("(?m)^\\S+ started: query ");

  private final LakehouseConfig config;
  private final Map<String, String> env;
  private final Path logDir;
  private final Map<String, RestartingProcess> jobs = new LinkedHashMap<>();
  private final Thread stopOnExit = new Thread(this::close, "chaos-stop-jobs");

  ChaosPipeline(LakehouseConfig config, Map<String, String> overrides, Path logDir) {
    this.config = config;
    this.logDir = logDir;
    Map<String, String> env = new LinkedHashMap<>();
    // The tree is built (this CLI runs from it): a child must not start Maven, whatever the file times say.
    env.put("LAKEHOUSE_NO_BUILD", "1");
    env.put("LAKEHOUSE_CLI_HEAP", config.get("chaos.job.heap"));
    overrides.forEach((key, value) -> env.put(LakehouseConfig.envName(key), value));
    this.env = Map.copyOf(env);
    // Ctrl-C or SIGTERM of the chaos run stops its jobs too, instead of leaving them running.
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /** The environment of every job: a one-off {@code bin/lakehouse} run of the same scratch (the final batch). */
  Map<String, String> env() {
    return env;
  }

  void startReplay(List<String> replayArgs) {
    List<String> args = new ArrayList<>(List.of(Fault.REPLAY));
    args.addAll(replayArgs);
    start(Fault.REPLAY, args, RestartingProcess.Policy.ON_FAILURE);
  }

  /** Starts ingest and speed and waits until both have started their queries. */
  void startStreaming(Duration timeout) throws InterruptedException {
    start(Fault.INGEST, List.of(Fault.INGEST), RestartingProcess.Policy.ON_FAILURE);
    start(Fault.SPEED, List.of(Fault.SPEED), RestartingProcess.Policy.ON_FAILURE);
    awaitLine(Fault.INGEST, STARTED, timeout);
    awaitLine(Fault.SPEED, STARTED, timeout);
  }

  /** Waits until the job's log, read from its start, shows the line; fails with the log's tail otherwise. */
  void awaitLine(String name, Pattern line, Duration timeout) throws InterruptedException {
    ProgressLog log = ProgressLog.fromStart(job(name).log());
    Await.until(name + " to write '" + line.pattern() + "'", () -> log.shows(line), timeout,
        () -> "; its log:\n" + log.tail(40));
  }

  void startBatch() {
    start(Fault.BATCH, List.of(Fault.BATCH), RestartingProcess.Policy.ALWAYS,
        Duration.ofSeconds(config.getLong("chaos.batch.interval.seconds")));
  }

  /** Table maintenance of the run's namespaces, again {@code every} after each run, as a scheduler would. */
  void startMaintenance(Duration every) {
    start(MAINTAIN, List.of(MAINTAIN), RestartingProcess.Policy.ALWAYS, every);
  }

  private void start(String name, List<String> args, RestartingProcess.Policy policy) {
    start(name, args, policy, Duration.ZERO);
  }

  private void start(String name, List<String> args, RestartingProcess.Policy policy, Duration rerunInterval) {
    jobs.put(name, RestartingProcess.start(name, command(args), env, logDir.resolve(name + ".log"), policy,
        Duration.ofMillis(config.getLong("chaos.restart.delay.ms")), rerunInterval));
  }

  List<String> command(List<String> args) {
    List<String> command = new ArrayList<>(List.of(config.home().resolve("bin/lakehouse").toString()));
    command.addAll(args);
    return command;
  }

  RestartingProcess job(String name) {
    RestartingProcess job = jobs.get(name);
    if (job == null) {
      throw new IllegalStateException(name + " is not running in this chaos run");
    }
    return job;
  }

  /** The jobs started so far, by name. */
  Map<String, RestartingProcess> jobs() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(jobs));
  }

  /** Runs per job so far (the batch's include its timer runs). */
  Map<String, Integer> runs() {
    Map<String, Integer> runs = new LinkedHashMap<>();
    jobs.forEach((name, job) -> runs.put(name, job.runs()));
    return runs;
  }

  /** Runs that failed (a crash, a kill, an error exit), each answered by a restart: summed over the jobs. */
  int failures() {
    return jobs.values().stream().mapToInt(RestartingProcess::failures).sum();
  }

  synchronized void stop(String name) {
    RestartingProcess job = jobs.remove(name);
    if (job != null) {
      job.stop(Duration.ofSeconds(config.getLong("chaos.stop.grace.seconds")));
    }
  }

  @Override
  public void close() {
    // Whatever dies while the others are being stopped must stay down.
    jobs.values().forEach(RestartingProcess::stopRestarting);
    new ArrayList<>(jobs.keySet()).forEach(this::stop);
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // close() runs as the hook itself
    }
  }
}
