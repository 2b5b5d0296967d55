package io.olistlakehouse.cli;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.maintenance.MaintainMain;
import io.olistlakehouse.maintenance.StepOutcome;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
    description = "Maintain the Iceberg tables of the bronze, silver, gold and speed namespaces: compact small data "
        + "files, rewrite manifests, expire old snapshots (keeping those the batch and streaming jobs still read) "
        + "and remove orphan files. Rows never change. One line per table and step; exit code 1 if a step failed.")
final class MaintainCommand implements Callable<Integer> {

  @Option(names = "--only", arity = "1..*", paramLabel = "NAMESPACE[.TABLE]",
      description = "Maintain only these tables (bronze.order_status, silver.product, ...) or namespaces (gold).")
  List<String> only;

  @Option(names = "--steps", paramLabel = "STEP,...",
      description = "Run only these steps (rewrite-data-files, rewrite-manifests, expire-snapshots, "
          + "remove-orphan-files), in that order; default maintain.steps.")
  String steps;

  @Override
  public Integer call() {
    List<StepOutcome> outcomes = MaintainMain.run(LakehouseConfig.load(), only, steps, System.out);
    return MaintainMain.failed(outcomes) ? 1 : 0;
  }
}
