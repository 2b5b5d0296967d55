package io.olistlakehouse.maintenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaintenanceStepTest {

  @Test
  void stepsRunInTheFixedOrderWhateverOrderTheyAreListedIn() {
    assertEquals(List.of(MaintenanceStep.REWRITE_DATA_FILES, MaintenanceStep.EXPIRE_SNAPSHOTS),
        MaintenanceStep.parse(" expire-snapshots, rewrite-data-files"));
  }

  @Test
  void anUnknownStepIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MaintenanceStep.parse("rewrite-data-files,compact"));
    assertTrue(e.getMessage().contains("'compact'") && e.getMessage().contains("remove-orphan-files"),
        e.getMessage());
  }
}
