package dev.cascade.scenario.bind;

import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Numbers;
import dev.cascade.core.unit.UnitException;
import dev.cascade.model.spec.StepSpec.RefreshSpec;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cache's early refresh: {@code xfetch(BETA)} (Vattani, Chierichetti and Lowenstein,
 * "Optimal Probabilistic Cache Stampede Prevention", PVLDB 2015; BETA = 1 is their recommended
 * value) or {@code stale-while-revalidate(D)} (RFC 5861).
 */
final class Refresh {

  static final Kind<RefreshSpec> KIND = new Kind<>(Refresh::parse, null);

  private static final Pattern CALL = Pattern.compile("([a-z-]+)\\((.*)\\)");
  private static final String EXPECTED = "xfetch(1) or stale-while-revalidate(30s), or none";

  private Refresh() {}

  static RefreshSpec parse(String text) {
    Matcher m = CALL.matcher(text.strip());
    if (!m.matches()) {
      throw new UnitException(text, "refresh policy", EXPECTED);
    }
    String arg = m.group(2).strip();
    try {
      return switch (m.group(1)) {
        case "xfetch" -> {
          double beta = Numbers.parse(arg);
          if (!(beta > 0)) {
            throw new UnitException(text, "refresh policy", "xfetch(BETA) with BETA > 0");
          }
          yield new RefreshSpec(RefreshSpec.Kind.XFETCH, beta, Double.NaN);
        }
        case "stale-while-revalidate" ->
            new RefreshSpec(
                RefreshSpec.Kind.STALE_WHILE_REVALIDATE, Double.NaN, Durations.parse(arg));
        default -> throw new UnitException(text, "refresh policy", EXPECTED);
      };
    } catch (UnitException e) {
      if (e.kind().equals("refresh policy")) {
        throw e;
      }
      throw new UnitException(text, "refresh policy", EXPECTED);
    }
  }
}
