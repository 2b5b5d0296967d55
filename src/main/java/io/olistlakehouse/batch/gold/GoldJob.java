package io.olistlakehouse.batch.gold;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.LayerTableJob;
import io.olistlakehouse.batch.incremental.SourceTable;

/** A gold job: reads silver (and gold) tables by their changed rows, writes {@code <gold namespace>.<table>}. */
abstract class GoldJob extends LayerTableJob {

  GoldJob(BatchSettings settings) {
    super(settings, "gold");
  }

  protected SourceTable silver(String table) {
    return SourceTable.batchTable(settings.silver(table));
  }

  protected SourceTable gold(String table) {
    return SourceTable.batchTable(settings.gold(table));
  }
}
