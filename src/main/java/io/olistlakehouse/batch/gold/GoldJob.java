package io.olistlakehouse.batch.gold;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.SourceTable;

/** A gold job: reads silver (and gold) tables by their changed rows, writes {@code <gold namespace>.<table>}. */
abstract class GoldJob extends BatchJob {

  protected final BatchSettings settings;

  GoldJob(BatchSettings settings) {
    this.settings = settings;
  }

  protected abstract String table();

  @Override
  public final String name() {
    return "gold." + table();
  }

  protected String targetName() {
    return settings.gold(table());
  }

  protected SourceTable silver(String table) {
    return SourceTable.batchTable(settings.silver(table));
  }

  protected SourceTable gold(String table) {
    return SourceTable.batchTable(settings.gold(table));
  }
}
