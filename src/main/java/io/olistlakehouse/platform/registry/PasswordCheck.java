package io.olistlakehouse.platform.registry;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * HTTP basic authentication of the registry ({@code registry.user}, the password from the environment), as
 * Confluent's registry does it; a request without it, or with the wrong one, is answered 401.
 */
final class PasswordCheck extends BasicAuthenticator {

  private final byte[] user;
  private final byte[] password;

  PasswordCheck(String user, String password) {
    super("schema-registry", StandardCharsets.UTF_8);
    this.user = user.getBytes(StandardCharsets.UTF_8);
    this.password = password.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean checkCredentials(String givenUser, String givenPassword) {
    // Both compared, in constant time, so the answer's timing tells nothing about which was wrong.
    boolean userMatches = MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8));
    boolean passwordMatches = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
    return userMatches & passwordMatches;
  }
}
