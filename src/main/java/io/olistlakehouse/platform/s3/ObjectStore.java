package io.olistlakehouse.platform.s3;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.process.JavaCommand;
import io.olistlakehouse.platform.process.ProcessSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The S3 API: s3proxy on a filesystem backend under the work directory. Its jar bundles its own AWS SDK, Guava and
 * Jackson unrelocated, so it runs from that jar alone in its own JVM. MinIO or S3 is the same settings with another
 * s3.endpoint, and then this process is not started.
 */
public final class ObjectStore {

  public static final String NAME = "s3";

  private ObjectStore() {}

  public static ProcessSpec process(LakehouseConfig config) {
    Path dir = config.getPath("work.dir").resolve("s3");
    Path settings = dir.resolve("s3proxy.properties");
    Properties p = new Properties();
    p.setProperty("s3proxy.endpoint", "http://" + config.get("lakehouse.host") + ":" + config.get("s3.port"));
    p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    p.setProperty("s3proxy.identity", config.get("s3.access.key"));
    p.setProperty("s3proxy.credential", config.get("s3.secret.key"));
    p.setProperty("jclouds.provider", "filesystem-nio2");
    p.setProperty("jclouds.filesystem.basedir", dir.resolve("data").toString());
    try {
      Files.createDirectories(dir.resolve("data"));
      // s3proxy reads its credentials from this file only: readable by the owner alone, never committed (work dir).
      Files.deleteIfExists(settings);
      Files.createFile(settings, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (Writer w = Files.newBufferedWriter(settings)) {
        p.store(w, "written by bin/lakehouse up from configs/lakehouse.properties");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + settings, e);
    }
    List<String> cmd = List.of(JavaCommand.javaExecutable(), "-Xmx" + config.get("s3.heap"), "-XX:+UseSerialGC",
        "-jar", config.getPath("s3.proxy.jar").toString(), "--properties", settings.toString());
    return new ProcessSpec(NAME, cmd, dir, Map.of(), config.getInt("s3.port"), "s3.port");
  }

  public static S3Client client(LakehouseConfig config) {
    return S3Client.builder()
        .endpointOverride(URI.create(config.get("s3.endpoint")))
        .region(Region.of(config.get("s3.region")))
        .forcePathStyle(Boolean.parseBoolean(config.get("s3.path.style.access")))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(config.get("s3.access.key"), config.get("s3.secret.key"))))
        .build();
  }

  /** Creates the bucket unless it exists; an existing bucket and its objects are left as they are. */
  public static void ensureBucket(LakehouseConfig config) {
    String bucket = config.get("s3.bucket");
    try (S3Client s3 = client(config)) {
      try {
        s3.headBucket(b -> b.bucket(bucket));
      } catch (NoSuchBucketException e) {
        s3.createBucket(b -> b.bucket(bucket));
      }
    }
  }

  /** True when the bucket answers through the S3 API. */
  public static boolean bucketReachable(LakehouseConfig config) {
    try (S3Client s3 = client(config)) {
      s3.headBucket(b -> b.bucket(config.get("s3.bucket")));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
