package io.olistlakehouse.source.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.olistlakehouse.source.model.Geolocation;
import io.olistlakehouse.source.model.OrderBundle;
import io.olistlakehouse.source.olist.OlistCsvSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated data written as Olist CSVs passes every check of the reader and reads back as the same bundles. */
class GeneratedCsvRoundTripTest {

  @Test
  void generatedOrdersReadBackUnchangedWithoutRejections(@TempDir Path dir) throws IOException {
    List<OrderBundle> generated = SyntheticSourceTest.generate(5_000, 11);
    OlistCsvWriter.write(dir, generated.iterator(), 1);

    List<OrderBundle> read = new ArrayList<>();
    try (OlistCsvSource source = OlistCsvSource.open(dir)) {
      assertEquals(List.of(), source.rejections().all());
      source.forEachRemaining(read::add);
    }
    assertEquals(generated.size(), read.size());
    for (int i = 0; i < generated.size(); i++) {
      OrderBundle expected = generated.get(i);
      OrderBundle actual = read.get(i);
      // Geolocations are means of their rows, equal only up to rounding; everything else is exact.
      assertEquals(withoutGeolocations(expected), withoutGeolocations(actual));
      assertEquals(expected.geolocations().size(), actual.geolocations().size());
      for (int g = 0; g < expected.geolocations().size(); g++) {
        Geolocation e = expected.geolocations().get(g);
        Geolocation a = actual.geolocations().get(g);
        assertEquals(List.of(e.zipCodePrefix(), e.city(), e.state(), e.sourceRows()),
            List.of(a.zipCodePrefix(), a.city(), a.state(), a.sourceRows()));
        assertEquals(e.lat(), a.lat(), 1e-9);
        assertEquals(e.lng(), a.lng(), 1e-9);
      }
    }
  }

  private static OrderBundle withoutGeolocations(OrderBundle bundle) {
    return new OrderBundle(bundle.order(), bundle.items(), bundle.payments(), bundle.reviews(), bundle.customer(),
        bundle.products(), bundle.sellers(), List.of());
  }
}
