package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSubmit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Run a job of jobs/ with a stock spark-submit (pyspark 3.5.1 by default, submit.spark.home "
        + "otherwise) of the application jar that mvn package builds: the manifest's main class, name, Spark "
        + "settings and the arguments of the mode. Exits with spark-submit's exit code.",
        "Example: bin/lakehouse submit silver_product --mode full"})
final class SubmitCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "JOB", description = "A manifest of jobs/ without .json: batch, "
      + "silver_product, gold_fact_order_detail, bronze_ingest, speed, ...")
  String job;

  @Parameters(index = "1..*", paramLabel = "ARG", description = "More arguments for the job's main class.")
  List<String> extraArgs = new ArrayList<>();

  @Option(names = "--mode", paramLabel = "MODE", description = "One of the manifest's modes (default: its first).")
  String mode;

  @Option(names = "--print", description = "Print the spark-submit command instead of running it.")
  boolean print;

  @Override
  public Integer call() throws Exception {
    LakehouseConfig config = LakehouseConfig.load();
    JobManifest manifest = JobManifest.load(config, job);
    List<String> cmd = SparkSubmit.command(config, manifest, mode != null ? mode : SparkSubmit.defaultMode(manifest),
        extraArgs);
    if (print) {
      System.out.println(String.join(" ", cmd.stream().map(SubmitCommand::quoted).toList()));
      return 0;
    }
    System.err.println("submit: " + String.join(" ", cmd));
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  private static String quoted(String arg) {
    return arg.matches("[A-Za-z0-9_./:=,@%+\\-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
