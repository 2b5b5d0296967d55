-- Trino dialect of serve/views/category_rank.sql (same rule; see that file).
SELECT CAST(rank() OVER (ORDER BY revenue DESC) AS integer) AS revenue_rank, category, revenue, quantity, products
FROM (
  SELECT category, sum(total_sales_amount) AS revenue, sum(total_sales_quantity) AS quantity,
         count(DISTINCT product_id) AS products
  FROM ${gold}.fact_monthly_sales_by_product
  GROUP BY category
)
