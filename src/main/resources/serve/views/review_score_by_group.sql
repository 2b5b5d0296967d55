-- serve.review_score_by_group: review scores per portfolio group. A review counts for the group each of its order's
-- products had in the month the order was delivered, the month its sale counts in (an order holding products of two
-- groups counts in both).
SELECT m.portfolio_group, r.review_score, count(DISTINCT r.review_id, r.order_id) AS reviews
FROM ${gold}.fact_review_answer_lead_days r
JOIN ${gold}.fact_order_detail o ON o.order_id = r.order_id
JOIN ${gold}.fact_monthly_sales_by_product m
  ON m.product_id = o.product_id AND m.sales_period = trunc(o.delivered_customer_at, 'MM')
GROUP BY m.portfolio_group, r.review_score
