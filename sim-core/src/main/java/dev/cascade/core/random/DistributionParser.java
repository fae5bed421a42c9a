package dev.cascade.core.random;

import dev.cascade.core.random.DistributionSpec.Quantity;
import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Numbers;
import dev.cascade.core.unit.UnitException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the distribution syntax of SCENARIO-FORMAT.md. A location or scale argument is a duration
 * ({@code 2ms}) or a plain number; a bare {@code 0} fits either. Within one distribution those
 * arguments must agree, so {@code uniform(1ms, 2)} is rejected. Shape arguments (SIGMA, SHAPE) are
 * plain numbers.
 */
final class DistributionParser {
  private static final String KIND = "distribution";
  private static final String EXPECTED = "e.g. exp(2ms), lognormal(3ms, 0.5)";
  private static final Pattern CALL = Pattern.compile("([a-z]+)\\((.*)\\)", Pattern.DOTALL);

  /** The usage shown when a known distribution has the wrong arguments. */
  private static final Map<String, String> USAGE =
      Map.of(
          "const", "const(X), e.g. const(5ms)",
          "exp", "exp(MEAN) with MEAN > 0, e.g. exp(2ms)",
          "lognormal", "lognormal(MEDIAN, SIGMA) with both > 0, e.g. lognormal(3ms, 0.5)",
          "uniform", "uniform(A,B) with A <= B, e.g. uniform(1ms, 5ms)",
          "pareto", "pareto(SCALE, SHAPE) with both > 0, e.g. pareto(1ms, 2.5)");

  private DistributionParser() {}

  static DistributionSpec parse(String text) {
    String t = text.strip();
    Matcher call = CALL.matcher(t);
    if (!call.matches()) {
      return bareDuration(text, t);
    }
    String name = call.group(1);
    String usage = USAGE.get(name);
    if (usage == null) {
      throw new UnitException(text, KIND, EXPECTED);
    }
    List<String> args = Arrays.stream(call.group(2).split(",", -1)).map(String::strip).toList();
    int arity = name.equals("const") || name.equals("exp") ? 1 : 2;
    if (args.size() != arity) {
      throw new UnitException(text, KIND, usage);
    }
    try {
      return build(text, name, args);
    } catch (UnitException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UnitException(text, KIND, usage);
    }
  }

  private static DistributionSpec bareDuration(String text, String t) {
    try {
      double seconds = Durations.parse(t);
      if (seconds > 0) {
        return new DistributionSpec.Exponential(seconds, Quantity.DURATION);
      }
    } catch (UnitException e) {
      // falls through to the distribution error below, which shows the full syntax
    }
    throw new UnitException(text, KIND, EXPECTED);
  }

  private static DistributionSpec build(String text, String name, List<String> args) {
    Value first = value(text, args.get(0));
    switch (name) {
      case "const":
        return new DistributionSpec.Const(first.amount, first.resolved());
      case "exp":
        return new DistributionSpec.Exponential(first.amount, first.resolved());
      case "lognormal":
        return new DistributionSpec.LogNormal(
            first.amount, number(text, args.get(1)), first.resolved());
      case "pareto":
        return new DistributionSpec.Pareto(
            first.amount, number(text, args.get(1)), first.resolved());
      default:
        Value second = value(text, args.get(1));
        return new DistributionSpec.Uniform(
            first.amount, second.amount, Value.agree(first, second));
    }
  }

  private static double number(String text, String arg) {
    try {
      return Numbers.parse(arg);
    } catch (UnitException e) {
      throw new UnitException(text, KIND, EXPECTED);
    }
  }

  private static Value value(String text, String arg) {
    try {
      double amount = Numbers.parse(arg);
      return new Value(amount, amount == 0 ? null : Quantity.NUMBER);
    } catch (UnitException notNumber) {
      try {
        return new Value(Durations.parse(arg), Quantity.DURATION);
      } catch (UnitException notDuration) {
        throw new UnitException(text, KIND, EXPECTED);
      }
    }
  }

  /** A parsed location or scale argument; a bare zero has no quantity of its own. */
  private record Value(double amount, Quantity quantity) {

    /** The quantity of a lone argument; plain numbers for a bare zero. */
    Quantity resolved() {
      return quantity == null ? Quantity.NUMBER : quantity;
    }

    /** The quantity two arguments share; plain numbers when neither says. */
    static Quantity agree(Value a, Value b) {
      if (a.quantity == null) {
        return b.quantity == null ? Quantity.NUMBER : b.quantity;
      }
      if (b.quantity != null && b.quantity != a.quantity) {
        throw new IllegalArgumentException("mixes durations and plain numbers");
      }
      return a.quantity;
    }
  }
}
