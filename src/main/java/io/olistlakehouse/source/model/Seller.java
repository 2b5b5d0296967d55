package io.olistlakehouse.source.model;

/** One row of olist_sellers_dataset.csv. */
public record Seller(String sellerId, String zipCodePrefix, String city, String state) {}
