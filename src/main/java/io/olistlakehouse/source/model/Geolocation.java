package io.olistlakehouse.source.model;

/**
 * One zip prefix of olist_geolocation_dataset.csv, aggregated: mean latitude and longitude of its rows, and the
 * most frequent city and state among them.
 */
public record Geolocation(String zipCodePrefix, double lat, double lng, String city, String state, int sourceRows) {}
