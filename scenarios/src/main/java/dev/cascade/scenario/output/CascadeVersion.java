package dev.cascade.scenario.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Cascade, from the build (Maven filters it into a resource). */
public final class CascadeVersion {

  private static final String RESOURCE = "/dev/cascade/scenarios/version.properties";

  private CascadeVersion() {}

  /** The version, e.g. {@code 0.1.0}. */
  public static String current() {
    try (InputStream in = CascadeVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
