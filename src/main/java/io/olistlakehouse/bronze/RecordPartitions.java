package io.olistlakehouse.bronze;

import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;

/**
 * The partition a table's record belongs in, and that partition's path, by which rows are grouped into files (the
 * path of an unpartitioned table is empty). Not thread-safe: the key returned is reused, copy it to keep it.
 */
final class RecordPartitions {

  private final PartitionSpec spec;
  private final InternalRecordWrapper wrapper;
  private final PartitionKey key;

  RecordPartitions(Table table) {
    this.spec = table.spec();
    this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
    this.key = new PartitionKey(table.spec(), table.schema());
  }

  PartitionKey keyOf(Record record) {
    return keyOfInternal(wrapper.wrap(record));
  }

  /** The key of a row whose values are in Iceberg's internal representation (timestamps as microseconds). */
  PartitionKey keyOfInternal(StructLike row) {
    key.partition(row);
    return key;
  }

  String path(PartitionKey partition) {
    return spec.isUnpartitioned() ? "" : spec.partitionToPath(partition);
  }
}
