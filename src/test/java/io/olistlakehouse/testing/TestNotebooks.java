package io.olistlakehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Executes a Jupyter notebook headlessly (nbclient, the python3 kernel of the notebook venv that
 * {@code bin/setup-python notebooks} creates) against the test platform, as an analyst would run it: the notebook's
 * {@code bin/lakehouse} calls see the test platform's configuration file ({@code LAKEHOUSE_CONFIG}, as
 * {@link TestLauncher} sets it) and never build. Any cell error fails the run with that cell and its traceback.
 */
public final class TestNotebooks {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Runs the notebook and writes the executed copy (kept for a look after a failure); exit code 1 and the cell's
   * error on standard error if a cell fails. Arguments: notebook, executed copy, per-cell timeout in seconds.
   */
  static final String RUNNER = """
      import sys
      from pathlib import Path
      import nbformat
      from nbclient import NotebookClient
      from nbclient.exceptions import CellExecutionError
      source, target, timeout = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
      nb = nbformat.read(source, as_version=4)
      client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                              resources={"metadata": {"path": str(source.parent)}})
      try:
          client.execute()
      except CellExecutionError as e:
          print(str(e), file=sys.stderr)
          sys.exit(1)
      finally:
          nbformat.write(nb, target)
      """;

  private TestNotebooks() {}

  public static String execute(TestPlatform fixture, Path notebook, Map<String, String> env) {
    return execute(fixture, notebook, env, DEFAULT_TIMEOUT);
  }

  /**
   * Executes {@code notebook} with {@code env} added to the environment (LAKEHOUSE_* overrides, for one) and returns
   * the text its code cells printed or returned (stdout streams and text/plain results, in cell order). Fails if a
   * cell raises, or the whole run takes longer than {@code timeout} (the kernel and its Spark JVM are then killed).
   */
  public static String execute(TestPlatform fixture, Path notebook, Map<String, String> env, Duration timeout) {
    return execute(fixture.config().home(), fixture.configFile(), notebook, env, timeout);
  }

  /** The same against any platform: {@code configFile} is what the notebook's {@code bin/lakehouse} calls load. */
  public static String execute(Path home, Path configFile, Path notebook, Map<String, String> env,
      Duration timeout) {
    Path python = notebookVenv(home).resolve("bin/python");
    if (!Files.isExecutable(python)) {
      throw new IllegalStateException("no notebook venv at " + python.getParent().getParent()
          + " (bin/setup-python notebooks creates it)");
    }
    Path source = home.resolve(notebook).toAbsolutePath().normalize();
    if (!Files.isRegularFile(source)) {
      throw new IllegalArgumentException("notebook not found: " + source);
    }
    try {
      Path outDir = Files.createDirectories(home.resolve("target/notebooks"));
      String name = source.getFileName().toString().replaceFirst("\\.ipynb$", "");
      Path executed = outDir.resolve(name + ".executed.ipynb");
      Path log = outDir.resolve(name + ".log");
      Files.deleteIfExists(executed);
      ProcessBuilder pb = new ProcessBuilder(python.toString(), "-c", RUNNER, source.toString(),
          executed.toString(), Long.toString(Math.max(1, timeout.toSeconds())))
          .directory(source.getParent().toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      Map<String, String> environment = pb.environment();
      environment.put("LAKEHOUSE_HOME", home.toString());
      environment.put("LAKEHOUSE_CONFIG", configFile.toString());
      // The build has just run; the notebook's bin/lakehouse must not start another Maven inside the test.
      environment.put("LAKEHOUSE_NO_BUILD", "1");
      environment.put("LAKEHOUSE_CLI_HEAP", "512m");
      // Quiets the kernel's debugger warning about frozen modules and Jupyter's path deprecation notice.
      environment.put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
      environment.put("JUPYTER_PLATFORM_DIRS", "1");
      environment.putAll(env);
      Process process = pb.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // The kernel and its Spark JVM are children of the runner: stop them too.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("notebook " + source.getFileName() + " did not finish within " + timeout
            + "; output so far:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("notebook " + source.getFileName() + " failed (exit " + process.exitValue()
            + ", executed copy " + executed + "):\n" + tail(log));
      }
      return textOutputs(Files.readString(executed, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run notebook " + source, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The venv of the notebooks: LAKEHOUSE_NOTEBOOK_VENV, as bin/setup-python reads it, else .venv-notebooks. */
  static Path notebookVenv(Path home) {
    String custom = System.getenv("LAKEHOUSE_NOTEBOOK_VENV");
    return custom != null && !custom.isBlank() ? home.resolve(custom) : home.resolve(".venv-notebooks");
  }

  /** The text of an executed notebook's code cells: stdout streams and text/plain results, in order. */
  static String textOutputs(String notebookJson) throws IOException {
    StringBuilder text = new StringBuilder();
    for (JsonNode cell : new ObjectMapper().readTree(notebookJson).path("cells")) {
      if (!"code".equals(cell.path("cell_type").asText())) {
        continue;
      }
      for (JsonNode output : cell.path("outputs")) {
        String type = output.path("output_type").asText();
        if (type.equals("stream") && output.path("name").asText().equals("stdout")) {
          text.append(joined(output.path("text")));
        } else if (List.of("execute_result", "display_data").contains(type)) {
          JsonNode plain = output.path("data").path("text/plain");
          if (!plain.isMissingNode()) {
            text.append(joined(plain)).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  /** nbformat stores multi-line text as a string or as a list of lines. */
  private static String joined(JsonNode text) {
    if (!text.isArray()) {
      return text.asText();
    }
    StringBuilder s = new StringBuilder();
    text.forEach(line -> s.append(line.asText()));
    return s.toString();
  }

  /** The end of the runner's output, without the terminal colours of IPython tracebacks. */
  private static String tail(Path log) throws IOException {
    String text = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[;\\d]*m", "");
    return text.length() > 8000 ? "..." + text.substring(text.length() - 8000) : text;
  }
}
