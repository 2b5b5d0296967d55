package io.olistlakehouse.replay;

import java.util.Set;

/** The payload of an order_status event: a milestone of the order, or its terminal status. */
public record StatusChange(String orderId, String customerId, String status) {

  public static final String PURCHASE = "purchase";
  public static final String APPROVED = "approved";
  public static final String DELIVERED_CARRIER = "delivered_carrier";
  public static final String DELIVERED_CUSTOMER = "delivered_customer";
  /** Final statuses that close an order without delivery: they get a terminal event so downstream state ends. */
  public static final Set<String> TERMINAL = Set.of("canceled", "unavailable");
}
