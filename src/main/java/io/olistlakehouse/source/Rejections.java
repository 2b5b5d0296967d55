package io.olistlakehouse.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The rejected rows of a read, in the order they were found. Nothing is skipped without an entry here. */
public final class Rejections {

  private final List<Rejection> all = new ArrayList<>();

  public synchronized void add(String file, long line, String reason) {
    all.add(new Rejection(file, line, reason));
  }

  public synchronized List<Rejection> all() {
    return Collections.unmodifiableList(new ArrayList<>(all));
  }

  public synchronized int count() {
    return all.size();
  }
}
