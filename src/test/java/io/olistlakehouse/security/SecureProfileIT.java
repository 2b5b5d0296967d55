package io.olistlakehouse.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.contracts.BronzeStream;
import io.olistlakehouse.contracts.BronzeTopics;
import io.olistlakehouse.platform.catalog.IcebergCatalogs;
import io.olistlakehouse.platform.kafka.CommittedRecords;
import io.olistlakehouse.platform.kafka.KafkaClients;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import io.olistlakehouse.platform.s3.ObjectStore;
import io.olistlakehouse.serve.jdbc.HiveJdbc;
import io.olistlakehouse.testing.TestLauncher;
import io.olistlakehouse.testing.TestOlistSample;
import io.olistlakehouse.testing.TestPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The platform under configs/profiles/secure.properties, with secrets made up for this run and passed in the
 * environment only: the Olist sample goes through replay and ingest into bronze, and a client without credentials,
 * or with wrong ones, is refused by Kafka, the registry, the S3 API and the Thrift server; the ACLs keep the replayer
 * to writing and the jobs to reading the stream topics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureProfileIT {

  private static final String PROFILE = "configs/profiles/secure.properties";
  private static Map<String, String> secrets;
  private static TestPlatform platform;
  private static LakehouseConfig config;

  @BeforeAll
  static void up() {
    Path home = Path.of(System.getProperty(LakehouseConfig.HOME_PROPERTY, ".")).toAbsolutePath();
    String keys = LakehouseConfig.readProperties(home.resolve(PROFILE)).get(LakehouseConfig.SECRET_KEYS);
    secrets = new TreeMap<>();
    for (String key : keys.split("\\s*,\\s*")) {
      secrets.put(LakehouseConfig.envName(key), madeUpSecret());
    }
    platform = TestPlatform.secured(secrets);
    config = platform.config();
  }

  @AfterAll
  static void down() {
    if (platform != null) {
      platform.down();
    }
  }

  @Test
  @Order(1)
  void theConfigurationRefusesToLoadWithoutItsSecrets() {
    Path profile = config.home().resolve(PROFILE);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> LakehouseConfig.load(profile, Map.of(), config.home()));
    assertTrue(missing.getMessage().contains("LAKEHOUSE_KAFKA_ADMIN_PASSWORD")
        && missing.getMessage().contains("LAKEHOUSE_S3_SECRET_KEY"), missing.getMessage());
  }

  @Test
  @Order(2)
  void theSampleFlowsIntoBronze() throws Exception {
    String dir = TestOlistSample.dir().toString();
    TestLauncher.Result replay = TestLauncher.run(platform, secrets, "replay", "--olist-dir", dir, "--max");
    assertEquals(0, replay.exitCode(), replay.stdout() + replay.stderr());
    TestLauncher.Result ingest = TestLauncher.run(platform, secrets, "ingest", "--once");
    assertEquals(0, ingest.exitCode(), ingest.stdout() + ingest.stderr());

    BronzeTopics topics = new BronzeTopics(config.get("replay.topic.prefix"));
    Map<String, Long> committed = CommittedRecords.count(KafkaClients.properties(config, Role.ADMIN), topics.all(),
        Duration.ofMinutes(2));
    Map<String, Long> inTopics = new TreeMap<>();
    Map<String, Long> inTables = new TreeMap<>();
    Catalog catalog = IcebergCatalogs.open(config);
    try {
      for (BronzeStream stream : BronzeStream.values()) {
        long records = committed.get(topics.topic(stream));
        assertTrue(records > 0, topics.topic(stream) + " holds no committed record");
        inTopics.put(stream.streamName(), records);
        Snapshot current = catalog.loadTable(TableIdentifier.of(config.get("ingest.namespace"), stream.streamName()))
            .currentSnapshot();
        inTables.put(stream.streamName(), Long.parseLong(current.summary().get("total-records")));
      }
    } finally {
      IcebergCatalogs.closeQuietly(catalog);
    }
    System.out.println("secure profile: committed records per topic " + inTopics + ", rows per bronze table "
        + inTables);
    assertEquals(inTopics, inTables);
  }

  @Test
  @Order(3)
  void noFileTheProfileWroteHoldsASecret() throws Exception {
    Path work = config.getPath("work.dir");
    List<Path> written;
    try (Stream<Path> files = Files.walk(work)) {
      written = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".properties")).toList();
    }
    assertFalse(written.isEmpty());
    for (Path file : written) {
      String text = Files.readString(file, StandardCharsets.ISO_8859_1);
      for (Map.Entry<String, String> secret : secrets.entrySet()) {
        // s3proxy reads its credentials from its own file only, which is readable by its owner alone.
        boolean s3proxyOwn = file.endsWith("s3proxy.properties") && secret.getKey().startsWith("LAKEHOUSE_S3_");
        if (!s3proxyOwn) {
          assertFalse(text.contains(secret.getValue()), secret.getKey() + " is written in " + file);
        }
      }
    }
  }

  @Test
  @Order(4)
  void kafkaRefusesClientsWithoutOrWithWrongCredentials() {
    Properties anonymous = new Properties();
    anonymous.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
    assertThrows(Exception.class, () -> describeCluster(anonymous), "a client without credentials");

    Properties wrong = KafkaClients.properties(config, Role.REPLAYER);
    wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
        + "username=\"" + Role.REPLAYER.user(config) + "\" password=\"not-the-password\";");
    Exception refused = assertThrows(Exception.class, () -> describeCluster(wrong));
    assertTrue(causes(refused).anyMatch(SaslAuthenticationException.class::isInstance), refused.toString());
  }

  @Test
  @Order(5)
  void theAclsLetTheReplayerOnlyWriteAndTheJobsOnlyRead() throws Exception {
    BronzeTopics topics = new BronzeTopics(config.get("replay.topic.prefix"));
    String stream = topics.topic(BronzeStream.values()[0]);
    Exception jobsWrite = assertThrows(Exception.class, () -> send(Role.JOBS, stream));
    assertTrue(causes(jobsWrite).anyMatch(TopicAuthorizationException.class::isInstance), jobsWrite.toString());
    Exception replayerOutside = assertThrows(Exception.class, () -> send(Role.REPLAYER, config.get("registry.topic")));
    assertTrue(causes(replayerOutside).anyMatch(TopicAuthorizationException.class::isInstance),
        replayerOutside.toString());
    Exception replayerRead = assertThrows(Exception.class, () -> firstPoll(Role.REPLAYER, stream));
    assertTrue(causes(replayerRead).anyMatch(TopicAuthorizationException.class::isInstance), replayerRead.toString());
    assertTrue(firstPoll(Role.JOBS, stream) > 0, "the jobs read the stream topics");
  }

  @Test
  @Order(6)
  void theRegistryWantsItsPassword() throws Exception {
    String user = config.get("registry.user");
    assertEquals(401, registryStatus(null));
    assertEquals(401, registryStatus(user + ":not-the-password"));
    assertEquals(200, registryStatus(user + ":" + config.get("registry.password")));
  }

  @Test
  @Order(7)
  void theS3ApiRefusesAnonymousAndWrongKeys() {
    String bucket = config.get("s3.bucket");
    try (S3Client anonymous = s3(AnonymousCredentialsProvider.create())) {
      S3Exception refused = assertThrows(S3Exception.class, () -> anonymous.listObjectsV2(b -> b.bucket(bucket)));
      assertEquals(403, refused.statusCode(), refused.getMessage());
    }
    try (S3Client wrong = s3(StaticCredentialsProvider.create(
        AwsBasicCredentials.create(config.get("s3.access.key"), "not-the-secret")))) {
      S3Exception refused = assertThrows(S3Exception.class, () -> wrong.listObjectsV2(b -> b.bucket(bucket)));
      assertEquals(403, refused.statusCode(), refused.getMessage());
    }
    assertTrue(ObjectStore.bucketReachable(config), "the configured keys reach the bucket");
  }

  @Test
  @Order(8)
  void theThriftServerWantsItsPassword() throws Exception {
    String user = config.get("serve.thrift.user");
    assertThrows(SQLException.class, () -> HiveJdbc.connect(config, user, "").close());
    assertThrows(SQLException.class, () -> HiveJdbc.connect(config, user, "not-the-password").close());
    try (Connection c = HiveJdbc.connect(config); ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
    }
  }

  private static void describeCluster(Properties client) throws Exception {
    client.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    client.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(client)) {
      admin.describeCluster().nodes().get(15, TimeUnit.SECONDS);
    }
  }

  private static void send(Role role, String topic) throws Exception {
    Properties p = KafkaClients.properties(config, role);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    // Not idempotent: an idempotent producer of a principal with no WRITE anywhere is refused at the cluster level
    // before it ever names the topic, and this test is about the topic's ACL.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    p.put(ProducerConfig.ACKS_CONFIG, "1");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, new byte[0])).get(30, TimeUnit.SECONDS);
    }
  }

  /** Records of the first poll that returns any, from the beginning of partition 0. */
  private static int firstPoll(Role role, String topic) {
    Properties p = KafkaClients.properties(config, role);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      for (int i = 0; i < 30; i++) {
        int n = consumer.poll(Duration.ofSeconds(1)).count();
        if (n > 0) {
          return n;
        }
      }
      return 0;
    }
  }

  private static int registryStatus(String userInfo) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.get("registry.url") + "/subjects"));
    if (userInfo != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static S3Client s3(AwsCredentialsProvider credentials) {
    return S3Client.builder().endpointOverride(URI.create(config.get("s3.endpoint")))
        .region(Region.of(config.get("s3.region"))).forcePathStyle(true).credentialsProvider(credentials).build();
  }

  private static Stream<Throwable> causes(Throwable t) {
    return Stream.iterate(t, c -> c != null, Throwable::getCause);
  }

  /** 24 random letters and digits: what StorageTool's --add-scram reads unquoted. */
  private static String madeUpSecret() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
