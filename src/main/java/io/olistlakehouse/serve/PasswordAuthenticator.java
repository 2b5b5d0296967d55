package io.olistlakehouse.serve;

import io.olistlakehouse.config.LakehouseConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import javax.security.sasl.AuthenticationException;
import org.apache.hive.service.auth.PasswdAuthenticationProvider;

/**
 * HiveServer2 CUSTOM authentication: accepts only {@code serve.thrift.user} with {@code serve.thrift.password}, read
 * from the configuration (or LAKEHOUSE_SERVE_THRIFT_USER / _PASSWORD) of the server process. The Thrift server
 * instantiates it by class name for each login.
 */
public final class PasswordAuthenticator implements PasswdAuthenticationProvider {

  private final String user;
  private final byte[] password;

  public PasswordAuthenticator() {
    this(LakehouseConfig.load());
  }

  PasswordAuthenticator(LakehouseConfig config) {
    this.user = config.get("serve.thrift.user");
    this.password = config.get("serve.thrift.password").getBytes(StandardCharsets.UTF_8);
    if (password.length == 0) {
      throw new IllegalStateException("serve.thrift.password is empty: nothing to authenticate against");
    }
  }

  @Override
  public void Authenticate(String user, String password) throws AuthenticationException {
    boolean userMatches = this.user.equals(user);
    // Compared in constant time, whatever the user, so a wrong guess tells nothing by its timing.
    boolean passwordMatches = MessageDigest.isEqual(this.password,
        password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8));
    if (!userMatches || !passwordMatches) {
      throw new AuthenticationException("wrong user or password for the lakehouse Thrift server (user '" + user
          + "')");
    }
  }
}
