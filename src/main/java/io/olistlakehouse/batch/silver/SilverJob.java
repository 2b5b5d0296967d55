package io.olistlakehouse.batch.silver;

import io.olistlakehouse.batch.incremental.BatchJob;
import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.batch.incremental.SourceTable;
import io.olistlakehouse.contracts.BronzeStream;

/** A silver job: reads bronze streams (append-only) and writes {@code <silver namespace>.<table>}. */
abstract class SilverJob extends BatchJob {

  protected final BatchSettings settings;

  SilverJob(BatchSettings settings) {
    this.settings = settings;
  }

  protected abstract String table();

  @Override
  public final String name() {
    return "silver." + table();
  }

  protected String targetName() {
    return settings.silver(table());
  }

  protected SourceTable bronze(BronzeStream stream) {
    return SourceTable.appendOnly(settings.bronze(stream.streamName()));
  }
}
