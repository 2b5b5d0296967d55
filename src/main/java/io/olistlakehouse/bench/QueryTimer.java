package io.olistlakehouse.bench;

import io.olistlakehouse.serve.DashboardQueries;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Times queries as dashboard clients send them: each client has its own connection and runs every query in turn,
 * each query's result read to the end. Each query is timed {@code repeats} times alone (one client), then
 * {@code repeats} times (rounded up to a multiple of the clients) with {@code clients} clients at once, each client
 * starting its rounds at another query so that they do not all run the same one together. Every query runs once per
 * client before timing starts (connections and caches warm).
 */
final class QueryTimer {

  /** One client's connection to an engine. */
  interface Client extends AutoCloseable {
    /** Runs the query and reads all its rows; returns how many. */
    long run(String sql) throws Exception;
  }

  interface ClientFactory {
    Client open() throws Exception;
  }

  private QueryTimer() {}

  static List<ServeBench.Timing> time(String engine, List<DashboardQueries.Query> queries, int clients, int repeats,
      ClientFactory factory, PrintStream out) throws Exception {
    out.println("== " + engine + ": " + queries.size() + " queries x " + repeats + " alone");
    List<ServeBench.Timing> timings = new ArrayList<>(round(engine, queries, 1, repeats, factory));
    out.println("== " + engine + ": " + queries.size() + " queries x " + repeats + ", " + clients
        + " clients at once");
    timings.addAll(round(engine, queries, clients, repeats, factory));
    return timings;
  }

  private static List<ServeBench.Timing> round(String engine, List<DashboardQueries.Query> queries, int clients,
      int repeats, ClientFactory factory) throws Exception {
    int rounds = (repeats + clients - 1) / clients;
    Map<String, List<Long>> millis = new HashMap<>();
    Map<String, Long> rows = new HashMap<>();
    queries.forEach(q -> millis.put(q.name(), Collections.synchronizedList(new ArrayList<>())));
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int offset = c;
        running.add(pool.submit(() -> {
          try (Client client = factory.open()) {
            for (DashboardQueries.Query q : queries) {
              rows.put(q.name(), client.run(q.sql()));
            }
            for (int r = 0; r < rounds; r++) {
              for (int i = 0; i < queries.size(); i++) {
                DashboardQueries.Query q = queries.get((i + offset) % queries.size());
                long start = System.nanoTime();
                client.run(q.sql());
                millis.get(q.name()).add((System.nanoTime() - start) / 1_000_000);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<ServeBench.Timing> timings = new ArrayList<>();
    for (DashboardQueries.Query q : queries) {
      timings.add(new ServeBench.Timing(engine, q.name(), clients, rows.get(q.name()),
          new Percentiles(millis.get(q.name()))));
    }
    return timings;
  }

  /** Runs a query over JDBC and reads every row, as a dashboard does. */
  static long drain(Connection c, String sql) throws Exception {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      long n = 0;
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          rs.getObject(i);
        }
        n++;
      }
      return n;
    }
  }
}
