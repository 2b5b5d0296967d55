package io.olistlakehouse.source.olist;

import java.io.IOException;

/** The Olist folder cannot be read as a whole: a file is missing or a header is not the expected one. */
public final class OlistDataException extends IOException {

  public OlistDataException(String message) {
    super(message);
  }
}
