package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.OrderSource;
import io.olistlakehouse.source.Rejections;
import io.olistlakehouse.source.model.OrderBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The Olist CSVs of a folder as an {@link OrderSource}. {@link #open} reads and checks all nine files up front (the
 * full dataset takes a few hundred MB of heap), then yields the accepted orders in purchase-time order, ties by
 * order id. Rows that could not be used are in {@link #rejections()}.
 */
public final class OlistCsvSource implements OrderSource {

  private static final Comparator<OrderParts> PURCHASE_ORDER = Comparator
      .comparing((OrderParts parts) -> parts.order.purchaseAt())
      .thenComparing(parts -> parts.order.orderId());

  private final BundleAssembler assembler;
  private final String fingerprint;
  private final Rejections rejections;
  private final long orderCount;
  private List<OrderParts> orders;
  private int position;

  private OlistCsvSource(OlistLoader.Loaded loaded) {
    this.assembler = new BundleAssembler(loaded.tables());
    this.fingerprint = loaded.fingerprint();
    this.rejections = loaded.rejections();
    this.orders = new ArrayList<>(loaded.tables().orders().values());
    this.orders.sort(PURCHASE_ORDER);
    this.orderCount = orders.size();
  }

  /**
   * Reads the Olist files of {@code dir}.
   *
   * @throws OlistDataException if a file is missing or a header is not the dataset's
   */
  public static OlistCsvSource open(Path dir) throws IOException {
    return new OlistCsvSource(OlistLoader.load(dir));
  }

  @Override
  public boolean hasNext() {
    return orders != null && position < orders.size();
  }

  @Override
  public OrderBundle next() {
    if (!hasNext()) {
      throw new NoSuchElementException("all " + orderCount + " orders have been read");
    }
    return assembler.assemble(orders.get(position++));
  }

  @Override
  public long orderCount() {
    return orderCount;
  }

  /** The SHA-256 (hex) of the nine files' bytes, concatenated in {@link OlistFile} declaration order. */
  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public Rejections rejections() {
    return rejections;
  }

  @Override
  public void close() {
    orders = null;
  }
}
