-- Trino dialect of serve/views/product_group.sql (same rule; see that file).
SELECT product_id, category, sales_period AS group_period, portfolio_group,
       CASE portfolio_group WHEN 'Star Products' THEN 1 WHEN 'Volume Drivers' THEN 2 WHEN 'Niche Gems' THEN 3
         WHEN 'Question Marks' THEN 4 ELSE 5 END AS group_rank
FROM (
  SELECT product_id, category, sales_period, portfolio_group,
         row_number() OVER (PARTITION BY product_id ORDER BY sales_period DESC) AS recency
  FROM ${gold}.fact_monthly_sales_by_product
) WHERE recency = 1
