package io.olistlakehouse.batch.incremental;

/** A job whose target is {@code <namespace of its layer>.<table>} and whose name is {@code <layer>.<table>}. */
public abstract class LayerTableJob extends BatchJob {

  protected final BatchSettings settings;
  private final String layer;

  protected LayerTableJob(BatchSettings settings, String layer) {
    this.settings = settings;
    this.layer = layer;
  }

  protected abstract String table();

  @Override
  public final String name() {
    return layer + "." + table();
  }

  protected String targetName() {
    return settings.table(layer, table());
  }
}
