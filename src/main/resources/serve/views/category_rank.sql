-- serve.category_rank: revenue and quantity per category over all months, ranked by revenue (1 = highest).
SELECT rank() OVER (ORDER BY revenue DESC) AS revenue_rank, category, revenue, quantity, products
FROM (
  SELECT category, sum(total_sales_amount) AS revenue, sum(total_sales_quantity) AS quantity,
         count(DISTINCT product_id) AS products
  FROM ${gold}.fact_monthly_sales_by_product
  GROUP BY category
)
