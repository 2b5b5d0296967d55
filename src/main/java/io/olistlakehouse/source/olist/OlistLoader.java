package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.Rejections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;

/** Reads the nine files of an Olist folder into {@link OlistTables}, recording every rejected row. */
final class OlistLoader {

  /** What a load produced: the tables, the SHA-256 (hex) of the files' bytes in reading order, the rejections. */
  record Loaded(OlistTables tables, String fingerprint, Rejections rejections) {}

  private OlistLoader() {}

  static Loaded load(Path dir) throws IOException {
    checkFolder(dir);
    MessageDigest digest = sha256();
    Rejections rejections = new Rejections();
    OlistTables tables = new OlistTables(
        new KeyedTable<>(OlistFile.CATEGORY_TRANSLATION, "product_category_name"),
        new KeyedTable<>(OlistFile.CUSTOMERS, "customer_id"),
        new KeyedTable<>(OlistFile.SELLERS, "seller_id"),
        new KeyedTable<>(OlistFile.PRODUCTS, "product_id"),
        new HashMap<>(),
        new KeyedTable<>(OlistFile.ORDERS, "order_id"));
    OlistTableReader reader = new OlistTableReader(dir, digest, rejections);
    MasterRows master = new MasterRows(tables);
    OrderRows orders = new OrderRows(tables);
    GeolocationAggregator geolocations = new GeolocationAggregator();
    // The order of these reads is OlistFile's declaration order: referenced files first, and the digest's order.
    reader.read(OlistFile.CATEGORY_TRANSLATION, master::categoryTranslation);
    reader.read(OlistFile.CUSTOMERS, master::customer);
    reader.read(OlistFile.SELLERS, master::seller);
    reader.read(OlistFile.PRODUCTS, master::product);
    reader.read(OlistFile.GEOLOCATION, geolocations::add);
    tables.geolocations().putAll(geolocations.result());
    reader.read(OlistFile.ORDERS, orders::order);
    reader.read(OlistFile.ORDER_ITEMS, orders::item);
    reader.read(OlistFile.ORDER_PAYMENTS, orders::payment);
    reader.read(OlistFile.ORDER_REVIEWS, orders::review);
    return new Loaded(tables, HexFormat.of().formatHex(digest.digest()), rejections);
  }

  private static void checkFolder(Path dir) throws OlistDataException {
    if (!Files.isDirectory(dir)) {
      throw new OlistDataException("Olist folder " + dir.toAbsolutePath() + " does not exist or is not a folder");
    }
    List<String> missing = Arrays.stream(OlistFile.values())
        .map(OlistFile::fileName)
        .filter(name -> !Files.isRegularFile(dir.resolve(name)))
        .toList();
    if (!missing.isEmpty()) {
      throw new OlistDataException("Olist folder " + dir.toAbsolutePath() + " is missing " + String.join(", ", missing)
          + " (it needs the " + OlistFile.values().length + " CSV files of the Kaggle Olist dataset)");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must provide", e);
    }
  }
}
