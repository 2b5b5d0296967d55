-- Trino dialect of serve/views/review_score_by_group.sql (same rule; see that file).
SELECT m.portfolio_group, r.review_score,
       count(DISTINCT ROW(r.review_id, r.order_id))
         FILTER (WHERE r.review_id IS NOT NULL AND r.order_id IS NOT NULL) AS reviews
FROM ${gold}.fact_review_answer_lead_days r
JOIN ${gold}.fact_order_detail o ON o.order_id = r.order_id
JOIN ${gold}.fact_monthly_sales_by_product m
  ON m.product_id = o.product_id AND m.sales_period = date_trunc('month', CAST(o.delivered_customer_at AS DATE))
GROUP BY m.portfolio_group, r.review_score
