package io.olistlakehouse.serde;

/** An error answered by the schema registry (or the failure to reach it: status and error code -1). */
public class SchemaRegistryException extends RuntimeException {

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
    this.errorCode = -1;
  }

  /** HTTP status of the answer, -1 when there was none. */
  public int status() {
    return status;
  }

  /** Confluent {@code error_code} (e.g. 40403 schema not found, 409 incompatible), -1 when there was none. */
  public int errorCode() {
    return errorCode;
  }

  /** The message as the registry wrote it. */
  public String registryMessage() {
    return super.getMessage();
  }

  @Override
  public String getMessage() {
    return status < 0 ? super.getMessage()
        : "schema registry answered HTTP " + status + " (error_code " + errorCode + "): " + super.getMessage();
  }
}
