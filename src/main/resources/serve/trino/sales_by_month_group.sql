-- Trino dialect of serve/views/sales_by_month_group.sql (same rule; see that file).
SELECT sales_period, portfolio_group, count(*) AS products, sum(total_sales_quantity) AS quantity,
       sum(total_sales_amount) AS revenue
FROM ${gold}.fact_monthly_sales_by_product
GROUP BY sales_period, portfolio_group
