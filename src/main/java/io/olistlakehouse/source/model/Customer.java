package io.olistlakehouse.source.model;

/** One row of olist_customers_dataset.csv. Zip prefixes are kept as text (leading zeros matter). */
public record Customer(String customerId, String customerUniqueId, String zipCodePrefix, String city, String state) {}
