-- serve.product_rank: per product over all months, revenue, quantity and mean price, with its latest portfolio
-- group, ranked by revenue (1 = highest).
SELECT rank() OVER (ORDER BY t.revenue DESC) AS revenue_rank, t.product_id, t.category, g.portfolio_group,
       t.revenue, t.quantity, CAST(t.revenue / t.quantity AS DECIMAL(18,2)) AS mean_price
FROM (
  SELECT product_id, first(category) AS category, sum(total_sales_amount) AS revenue,
         sum(total_sales_quantity) AS quantity
  FROM ${gold}.fact_monthly_sales_by_product
  GROUP BY product_id
) t
LEFT JOIN ${serve}.product_group g ON g.product_id = t.product_id
