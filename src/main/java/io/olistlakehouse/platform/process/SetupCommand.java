package io.olistlakehouse.platform.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A one-off command that prepares a platform process (install a venv, create a metadata database), its output
 * appended to a setup log; a failure names the log and shows its last lines.
 */
public final class SetupCommand {

  private SetupCommand() {}

  public static void run(List<String> cmd, Map<String, String> env, Path dir, Path log, String what) {
    try {
      Files.createDirectories(dir);
      // The log may be the first file of its directory (monitoring's setup runs before anything else is there).
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(env);
      long before = Files.exists(log) ? Files.size(log) : 0;
      int exit = pb.start().waitFor();
      if (exit != 0) {
        String output = Files.readString(log).substring((int) before);
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        throw new IllegalStateException(what + " failed (exit " + exit + "); last lines of " + log + ":\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + ": cannot run " + cmd.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + what, e);
    }
  }
}
