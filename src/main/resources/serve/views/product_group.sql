-- serve.product_group: each product's latest portfolio group (from its latest month with sales), and its rank:
-- Star Products 1, Volume Drivers 2, Niche Gems 3, Question Marks 4.
SELECT product_id, category, sales_period AS group_period, portfolio_group,
       CASE portfolio_group WHEN 'Star Products' THEN 1 WHEN 'Volume Drivers' THEN 2 WHEN 'Niche Gems' THEN 3
         WHEN 'Question Marks' THEN 4 ELSE 5 END AS group_rank
FROM (
  SELECT product_id, category, sales_period, portfolio_group,
         row_number() OVER (PARTITION BY product_id ORDER BY sales_period DESC) AS recency
  FROM ${gold}.fact_monthly_sales_by_product
) WHERE recency = 1
