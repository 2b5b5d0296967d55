package io.olistlakehouse.speed;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the Olist sample is: OLIST_SAMPLE_DIR, else {@code <lakehouse.home>/../shared/olist-sample} (read in place). */
final class OlistSample {

  private OlistSample() {}

  static Path dir() {
    String env = System.getenv("OLIST_SAMPLE_DIR");
    Path dir = env != null && !env.isBlank() ? Path.of(env)
        : Path.of(System.getProperty("lakehouse.home", ".")).toAbsolutePath().normalize()
            .resolve("../shared/olist-sample").normalize();
    if (!Files.isRegularFile(dir.resolve("olist_orders_dataset.csv"))) {
      throw new IllegalStateException("Olist sample not found in " + dir + " (set OLIST_SAMPLE_DIR)");
    }
    return dir;
  }
}
