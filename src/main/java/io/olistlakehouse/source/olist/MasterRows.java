package io.olistlakehouse.source.olist;

import io.olistlakehouse.source.model.Customer;
import io.olistlakehouse.source.model.Product;
import io.olistlakehouse.source.model.Seller;

/** Maps the rows of the master-data files (categories, customers, sellers, products) into their tables. */
final class MasterRows {

  private final OlistTables tables;

  MasterRows(OlistTables tables) {
    this.tables = tables;
  }

  void categoryTranslation(OlistRow row) throws RejectedRow {
    String category = row.text(0);
    try {
      tables.categoryTranslations().put(category, row.line(), row.text(1));
    } catch (RejectedRow rejected) {
      tables.categoryTranslations().markRejected(category);
      throw rejected;
    }
  }

  void customer(OlistRow row) throws RejectedRow {
    String customerId = row.id(0);
    try {
      Customer customer = new Customer(customerId, row.id(1), row.zipPrefix(2), row.text(3), row.state(4));
      tables.customers().put(customerId, row.line(), customer);
    } catch (RejectedRow rejected) {
      tables.customers().markRejected(customerId);
      throw rejected;
    }
  }

  void seller(OlistRow row) throws RejectedRow {
    String sellerId = row.id(0);
    try {
      Seller seller = new Seller(sellerId, row.zipPrefix(1), row.text(2), row.state(3));
      tables.sellers().put(sellerId, row.line(), seller);
    } catch (RejectedRow rejected) {
      tables.sellers().markRejected(sellerId);
      throw rejected;
    }
  }

  /**
   * The dataset leaves category and measures empty for some products (kept as null). A category missing from the
   * translation file (the full dataset has two) keeps its Portuguese name and gets no English one.
   */
  void product(OlistRow row) throws RejectedRow {
    String productId = row.id(0);
    try {
      String category = row.optionalText(1);
      String english = category == null ? null : tables.categoryTranslations().get(category);
      Product product = new Product(productId, category, english, row.optionalCount(2), row.optionalCount(3),
          row.optionalCount(4), row.optionalCount(5), row.optionalCount(6), row.optionalCount(7),
          row.optionalCount(8));
      tables.products().put(productId, row.line(), product);
    } catch (RejectedRow rejected) {
      tables.products().markRejected(productId);
      throw rejected;
    }
  }
}
