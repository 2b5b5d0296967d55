package io.olistlakehouse.speed;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.spark.JobManifest;
import io.olistlakehouse.spark.SparkSessionFactory;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The speed job's entry point for spark-submit (the main class of jobs/speed.json): {@code --once} processes what
 * Kafka holds and exits; without arguments it runs until SIGTERM.
 */
public final class SpeedMain {

  public static final String JOB = "speed";

  private SpeedMain() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    if (!arguments.stream().allMatch("--once"::equals)) {
      System.err.println("usage: " + SpeedMain.class.getName() + " [--once]");
      System.exit(2);
    }
    LakehouseConfig config = LakehouseConfig.load();
    try (SparkSession spark = SparkSessionFactory.create(config, JobManifest.load(config, JOB))) {
      System.out.println(SpeedRunner.run(config, spark, arguments.contains("--once"), System.out::println));
    }
  }
}
