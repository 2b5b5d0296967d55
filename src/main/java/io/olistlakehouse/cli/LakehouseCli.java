package io.olistlakehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/lakehouse}. */
@Command(
    name = "lakehouse",
    mixinStandardHelpOptions = true,
    version = "olist-lakehouse 0.1.0",
    description = "Olist Lakehouse: a Lambda-architecture lakehouse for e-commerce order streams.",
    subcommands = {
        UpCommand.class, DownCommand.class, StatusCommand.class, SqlCommand.class, ReplayCommand.class,
        IngestCommand.class, SpeedCommand.class, BatchCommand.class, DemoCommand.class, BenchCommand.class,
        SparkConfCommand.class, SubmitCommand.class, DashboardsCommand.class, MaintainCommand.class,
        AirflowCommand.class, MonitoringCommand.class, DlqCommand.class, ChaosCommand.class,
        CommandLine.HelpCommand.class
    })
public final class LakehouseCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs a command; errors print one clear line (stack traces only with LAKEHOUSE_DEBUG=1). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new LakehouseCli());
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
      if (System.getenv("LAKEHOUSE_DEBUG") != null) {
        e.printStackTrace();
      }
      cmd.getErr().println("error: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return 1;
    });
    return cli.execute(args);
  }
}
