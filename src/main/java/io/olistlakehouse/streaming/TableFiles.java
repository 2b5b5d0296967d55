package io.olistlakehouse.streaming;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.avro.Avro;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.avro.PlannedDataReader;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.parquet.Parquet;

/** A snapshot's live files, and the rows of one file, with Iceberg's own manifest and file readers. */
public final class TableFiles {

  private TableFiles() {}

  public static Set<DataFile> dataFiles(Table table, Snapshot snapshot) throws IOException {
    Set<DataFile> files = new HashSet<>();
    for (ManifestFile manifest : snapshot.dataManifests(table.io())) {
      try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, table.io(), table.specs())) {
        reader.forEach(f -> files.add(f.copy()));
      }
    }
    return files;
  }

  public static Set<DeleteFile> deleteFiles(Table table, Snapshot snapshot) throws IOException {
    Set<DeleteFile> files = new HashSet<>();
    for (ManifestFile manifest : snapshot.deleteManifests(table.io())) {
      try (ManifestReader<DeleteFile> reader = ManifestFiles.readDeleteManifest(manifest, table.io(),
          table.specs())) {
        reader.forEach(f -> files.add(f.copy()));
      }
    }
    return files;
  }

  /** The rows of one data or delete file of the table as they are stored (no deletes applied), projected. */
  public static CloseableIterable<Record> rows(Table table, ContentFile<?> file, Schema projection) {
    InputFile in = table.io().newInputFile(file.location());
    return switch (file.format()) {
      case PARQUET -> Parquet.read(in).project(projection)
          .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema)).build();
      case AVRO -> Avro.read(in).project(projection).createResolvingReader(PlannedDataReader::create).build();
      default -> throw new IllegalStateException("reads Parquet and Avro files, not " + file.format() + " ("
          + file.location() + ")");
    };
  }
}
