package io.olistlakehouse.platform.kafka;

import io.olistlakehouse.config.LakehouseConfig;
import io.olistlakehouse.platform.kafka.KafkaClients.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ACLs of a secured cluster (everything else is denied; the admin is a super user): the replayer may create,
 * describe and write the stream topics (those named with {@code replay.topic.prefix}) and use its transactional ids,
 * and read back its position topic; the streaming jobs may only read and describe the stream topics.
 */
public final class KafkaAcls {

  private KafkaAcls() {}

  public static List<AclBinding> bindings(LakehouseConfig config) {
    String prefix = config.get("replay.topic.prefix");
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("a secured Kafka (kafka.security.protocol="
          + config.get("kafka.security.protocol") + ") needs a replay.topic.prefix: the ACLs name the stream "
          + "topics by it");
    }
    String replayer = "User:" + Role.REPLAYER.user(config);
    String jobs = "User:" + Role.JOBS.user(config);
    ResourcePattern streamTopics = new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED);
    List<AclBinding> out = new ArrayList<>();
    for (AclOperation op : List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE)) {
      out.add(allow(streamTopics, replayer, op));
    }
    out.add(allow(new ResourcePattern(ResourceType.TOPIC, prefix + config.get("replay.position.topic"),
        PatternType.LITERAL), replayer, AclOperation.READ));
    ResourcePattern transactions = new ResourcePattern(ResourceType.TRANSACTIONAL_ID,
        config.get("replay.transactional.id.prefix"), PatternType.PREFIXED);
    out.add(allow(transactions, replayer, AclOperation.WRITE));
    out.add(allow(transactions, replayer, AclOperation.DESCRIBE));
    out.add(allow(streamTopics, jobs, AclOperation.READ));
    out.add(allow(streamTopics, jobs, AclOperation.DESCRIBE));
    out.add(allow(new ResourcePattern(ResourceType.GROUP, config.get("kafka.jobs.group.prefix"), PatternType.PREFIXED),
        jobs, AclOperation.READ));
    return out;
  }

  /** Creates the bindings (creating one that exists changes nothing). */
  public static void grant(LakehouseConfig config) {
    try (Admin admin = Admin.create(KafkaClients.properties(config, Role.ADMIN))) {
      admin.createAcls(bindings(config)).all().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the Kafka ACLs: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the Kafka ACLs", e);
    }
  }

  private static AclBinding allow(ResourcePattern pattern, String principal, AclOperation op) {
    return new AclBinding(pattern, new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }
}
