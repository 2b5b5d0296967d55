package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.delivery.OrderDeliveryTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The serving views, one SQL file each under {@code serve/views/} (its rule in its header comment), rendered with
 * the namespaces of {@link ServeSettings} and any configuration key. {@link #NAMES} is their creation order: a view
 * comes after those it reads.
 */
public final class ServingViews {

  public static final List<String> NAMES = List.of("order_delivery", "product_group", "order_detail",
      "delayed_orders", "order_location", "delayed_order_detail", "sales_by_month_group", "category_rank",
      "product_rank", "review_score_by_group", "lead_days_by_month", "events_per_minute", "rejected_events",
      "table_freshness");

  private ServingViews() {}

  /**
   * The view's SELECT, with every placeholder filled. {@code tables} tells which of the two delivery tables exist
   * (one that does not yet is replaced by an empty relation with the other's columns) and which tables the
   * pipeline-health views read.
   */
  public static String query(String name, LakehouseConfig config, LakehouseTables tables) {
    return config.render(read(name), placeholders(ServeSettings.fromConfig(config), tables));
  }

  /** {@code CREATE OR REPLACE VIEW <serve>.<name> AS <query>}. */
  public static String createStatement(String name, LakehouseConfig config, LakehouseTables tables) {
    return "CREATE OR REPLACE VIEW " + ServeSettings.fromConfig(config).serve() + "." + name + " AS\n"
        + query(name, config, tables);
  }

  private static Map<String, String> placeholders(ServeSettings settings, LakehouseTables tables) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("gold", settings.gold());
    values.put("speed", settings.speed());
    values.put("serve", settings.serve());
    values.put("delivery_columns_s", qualified("s"));
    values.put("delivery_columns_b", qualified("b"));
    String batch = settings.gold() + ".fact_order_lead_days";
    String speed = settings.speed() + ".order_delivery";
    boolean batchExists = tables.exists(batch);
    boolean speedExists = tables.exists(speed);
    values.put("batch_delivery", batchExists || !speedExists ? batch : emptyLike(speed));
    values.put("speed_delivery", speedExists || !batchExists ? speed : emptyLike(batch));
    values.putAll(PipelineHealthSql.placeholders(settings, tables));
    return values;
  }

  private static String emptyLike(String table) {
    return "(SELECT " + String.join(", ", OrderDeliveryTable.COLUMNS) + " FROM " + table + " WHERE false)";
  }

  private static String qualified(String alias) {
    return Arrays.stream(OrderDeliveryTable.COLUMNS).map(c -> alias + "." + c).collect(Collectors.joining(", "));
  }

  private static String read(String name) {
    return sql("views", name);
  }

  /**
   * A serving view's SQL in one dialect: {@code views} (Spark, what the server publishes) or {@code trino} (the
   * same rule in Trino's SQL, for the bench's anchor).
   */
  public static String sql(String dialect, String name) {
    String resource = "/serve/" + dialect + "/" + name + ".sql";
    try (InputStream in = ServingViews.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no serving view " + name + " (" + resource + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
