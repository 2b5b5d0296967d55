package io.olistlakehouse.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A chat service's webhook endpoint on loopback, as Discord and Slack would receive Alertmanager's notifications:
 * it answers 204 to every POST and keeps each body with the path it came to and when it arrived.
 */
public final class TestWebhookReceiver implements AutoCloseable {

  /** One delivered message. */
  public record Message(String path, JsonNode body, long receivedNanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Message> messages = new ArrayList<>();

  public TestWebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      JsonNode body = JSON.readTree(exchange.getRequestBody());
      synchronized (messages) {
        messages.add(new Message(exchange.getRequestURI().getPath(), body, System.nanoTime()));
        messages.notifyAll();
      }
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.start();
  }

  /** The URL of a webhook at {@code path} of this receiver. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The first message that matches, waiting up to {@code timeout} for it. */
  public Optional<Message> await(Predicate<Message> match, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (messages) {
      while (true) {
        Optional<Message> found = messages.stream().filter(match).findFirst();
        long left = deadline - System.nanoTime();
        if (found.isPresent() || left <= 0) {
          return found;
        }
        messages.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  public List<Message> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
