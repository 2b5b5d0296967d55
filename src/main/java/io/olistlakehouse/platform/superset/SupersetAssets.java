package io.olistlakehouse.platform.superset;

import io.olistlakehouse.config.LakehouseConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The dashboards as code: Superset's unzipped asset tree under {@code superset.assets.dir} (databases, datasets,
 * charts, dashboards), imported into a running Superset with its asset import ({@code superset/import_assets.py}:
 * every object overwritten, so an edited chart or dataset arrives too) and exported with its CLI. Superset matches
 * objects by UUID, so importing twice changes nothing. The database's URI is not in the tree:
 * {@code ${superset.database.uri}} stands for it and is rendered from the Thrift server's settings at import.
 */
public final class SupersetAssets {

  static final String URI_PLACEHOLDER = "${superset.database.uri}";
  private static final String ROOT = "lakehouse_assets/";

  private SupersetAssets() {}

  /** Imports the tree; fails with the CLI's output when Superset refuses any of it. */
  public static List<String> importAll(LakehouseConfig config) {
    Path dir = config.getPath("superset.assets.dir");
    Path bundle = config.getPath("superset.home").resolve("import/lakehouse_assets.zip");
    List<String> files = new ArrayList<>();
    try (Stream<Path> tree = Files.walk(dir)) {
      List<Path> yamls = tree.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      Files.createDirectories(bundle.getParent());
      try (OutputStream file = Files.newOutputStream(bundle); ZipOutputStream zip = new ZipOutputStream(file)) {
        for (Path yaml : yamls) {
          String name = dir.relativize(yaml).toString();
          zip.putNextEntry(new ZipEntry(ROOT + name));
          zip.write(render(Files.readString(yaml), config).getBytes(StandardCharsets.UTF_8));
          zip.closeEntry();
          files.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bundle " + dir, e);
    }
    try {
      SupersetServer.python(config, "importing the dashboards of " + dir, config.getPath("superset.import.script"),
          bundle.toString(), config.get("superset.admin.user"));
    } finally {
      deleteQuietly(bundle); // it may hold the Thrift server's password
    }
    return files;
  }

  /** Writes the live definitions back into the tree, file names without Superset's ids, the URI as placeholder. */
  public static List<String> exportAll(LakehouseConfig config) {
    Path dir = config.getPath("superset.assets.dir");
    Path bundle = config.getPath("superset.home").resolve("export/lakehouse_assets.zip");
    try {
      Files.createDirectories(bundle.getParent());
      Files.deleteIfExists(bundle);
      SupersetServer.superset(config, "exporting the dashboards", "export-dashboards", "-f", bundle.toString());
      List<String> files = new ArrayList<>();
      try (InputStream in = Files.newInputStream(bundle); ZipInputStream zip = new ZipInputStream(in)) {
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          String name = stableName(e.getName());
          if (e.isDirectory() || name.equals("metadata.yaml")) {
            continue; // the tree keeps its own metadata.yaml, with no timestamp that would change each export
          }
          Path target = dir.resolve(name);
          Files.createDirectories(target.getParent());
          Files.writeString(target, unrender(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
          files.add(name);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot export into " + dir, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left for the next import to overwrite
    }
  }

  /** {@code <root>/charts/Sales_by_Month_5.yaml} becomes {@code charts/sales_by_month.yaml}. */
  static String stableName(String entry) {
    String path = entry.substring(entry.indexOf('/') + 1);
    int slash = path.lastIndexOf('/');
    String file = path.substring(slash + 1).replaceFirst("_\\d+\\.yaml$", ".yaml").toLowerCase(Locale.ROOT);
    return path.substring(0, slash + 1) + file;
  }

  static String render(String yaml, LakehouseConfig config) {
    return yaml.replace(URI_PLACEHOLDER, databaseUri(config));
  }

  static String unrender(String yaml) {
    return yaml.replaceAll("(?m)^sqlalchemy_uri: .*$", Matcher.quoteReplacement("sqlalchemy_uri: " + URI_PLACEHOLDER));
  }

  /** PyHive's URI of the Thrift server; with a password, CUSTOM authentication as the server expects. */
  static String databaseUri(LakehouseConfig config) {
    String user = enc(config.get("serve.thrift.user"));
    String password = config.get("serve.thrift.password");
    String address = config.get("serve.thrift.host") + ":" + config.get("serve.thrift.port") + "/default";
    return password.isEmpty() ? "hive://" + user + "@" + address
        : "hive://" + user + ":" + enc(password) + "@" + address + "?auth=CUSTOM";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
