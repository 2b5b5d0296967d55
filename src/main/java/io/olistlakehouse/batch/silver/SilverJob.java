package io.olistlakehouse.batch.silver;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.LayerTableJob;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.contracts.BronzeStream;

/** A silver job: reads bronze streams (append-only) and writes {@code <silver namespace>.<table>}. */
abstract class SilverJob extends LayerTableJob {

  SilverJob(BatchSettings settings) {
    super(settings, "silver");
  }

  protected SourceTable bronze(BronzeStream stream) {
    return SourceTable.appendOnly(settings.bronze(stream.streamName()));
  }
}
