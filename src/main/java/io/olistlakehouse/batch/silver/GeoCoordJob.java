package io.olistlakehouse.batch.silver;

import static org.apache.spark.sql.functions.col;

import io.olistlakehouse.batch.incremental.BatchSettings;
import io.olistlakehouse.contracts.BronzeStream;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * silver.geo_coord: one coordinate per zip prefix (its latest version). A point outside Brazil's bounding box is
 * kept and flagged ({@code in_brazil = false}), so a dashboard can leave it off a map without losing the user.
 */
public final class GeoCoordJob extends LatestPerKeyJob {

  // Brazil's extreme points, rounded outwards: Arroio Chui (south), Monte Caburai (north), Serra do Divisor (west)
  // and Ponta do Seixas (east).
  static final double SOUTH = -33.76;
  static final double NORTH = 5.28;
  static final double WEST = -73.99;
  static final double EAST = -34.79;

  public GeoCoordJob(BatchSettings settings) {
    super(settings);
  }

  @Override
  protected String table() {
    return "geo_coord";
  }

  @Override
  protected String columnsDdl() {
    return "zip_code_prefix STRING, lat DOUBLE, lng DOUBLE, city STRING, state STRING, in_brazil BOOLEAN";
  }

  @Override
  protected List<String> keys() {
    return List.of("zip_code_prefix");
  }

  @Override
  protected List<BronzeStream> streams() {
    return List.of(BronzeStream.GEOLOCATION);
  }

  @Override
  protected Dataset<Row> project(BronzeStream stream, Dataset<Row> geo) {
    Column inBrazil = col("lat").between(SOUTH, NORTH).and(col("lng").between(WEST, EAST));
    Column[] columns = {col("zip_code_prefix"), col("lat"), col("lng"), col("city"), col("state"),
        inBrazil.as("in_brazil")};
    return geo.select(SilverRows.withLineage(stream, columns));
  }
}
