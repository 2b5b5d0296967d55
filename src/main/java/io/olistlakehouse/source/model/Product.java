package io.olistlakehouse.source.model;

/**
 * One row of olist_products_dataset.csv, with the English category name from
 * product_category_name_translation.csv. Measures the CSV leaves empty are null.
 */
public record Product(
    String productId,
    String categoryName,
    String categoryNameEnglish,
    Integer nameLength,
    Integer descriptionLength,
    Integer photosQty,
    Integer weightG,
    Integer lengthCm,
    Integer heightCm,
    Integer widthCm) {}
