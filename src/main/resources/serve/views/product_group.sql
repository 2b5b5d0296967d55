-- serve.product_group: each product's latest portfolio group (from its latest month with sales), and its rank:
-- Star Products 1, Volume Drivers 2, Niche Gems 3, Question Marks 4. An aggregate, not a window: no sort needed.
SELECT product_id, category, group_period, portfolio_group,
       CASE portfolio_group WHEN 'Star Products' THEN 1 WHEN 'Volume Drivers' THEN 2 WHEN 'Niche Gems' THEN 3
         WHEN 'Question Marks' THEN 4 ELSE 5 END AS group_rank
FROM (
  SELECT product_id, max_by(category, sales_period) AS category, max(sales_period) AS group_period,
         max_by(portfolio_group, sales_period) AS portfolio_group
  FROM ${gold}.fact_monthly_sales_by_product
  GROUP BY product_id
)
