package io.olistlakehouse.source.model;

import java.time.LocalDateTime;

/** One row of olist_order_reviews_dataset.csv; comment fields are null when empty. */
public record Review(
    String reviewId,
    String orderId,
    int score,
    String commentTitle,
    String commentMessage,
    LocalDateTime creationDate,
    LocalDateTime answerAt) {}
