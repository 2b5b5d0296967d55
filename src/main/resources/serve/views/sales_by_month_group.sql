-- serve.sales_by_month_group: per month and portfolio group, the products sold, their quantity and revenue.
SELECT sales_period, portfolio_group, count(*) AS products, sum(total_sales_quantity) AS quantity,
       sum(total_sales_amount) AS revenue
FROM ${gold}.fact_monthly_sales_by_product
GROUP BY sales_period, portfolio_group
