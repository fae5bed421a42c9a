package dev.cascade.scenario.bind;

import dev.cascade.core.random.DistributionSpec;
import dev.cascade.core.unit.Counts;
import dev.cascade.core.unit.Durations;
import dev.cascade.core.unit.Fractions;
import dev.cascade.core.unit.Numbers;
import dev.cascade.core.unit.Rates;
import dev.cascade.core.unit.Sizes;
import dev.cascade.core.unit.UnitException;
import java.util.function.Function;

/**
 * A kind of value in a scenario file (the "Values and units" table of SCENARIO-FORMAT.md) with its
 * parser and a harmless stand-in used after an error, so binding goes on and finds the next problem
 * instead of stopping at the first.
 *
 * @param parser text to value; throws {@link UnitException} naming the text and an example
 * @param fallback the stand-in after an error (never reaches a run: the load fails)
 */
record Kind<T>(Function<String, T> parser, T fallback) {

  static final Kind<Double> DURATION = new Kind<>(Durations::parse, 1.0);
  static final Kind<Double> RATE = new Kind<>(Rates::parse, 1.0);
  static final Kind<Long> COUNT = new Kind<>(Counts::parse, 1L);
  static final Kind<Long> SIZE = new Kind<>(Sizes::parse, 1L);
  static final Kind<Double> FRACTION = new Kind<>(Fractions::parse, 0.5);
  static final Kind<Double> NUMBER = new Kind<>(Numbers::parse, 1.0);
  static final Kind<DistributionSpec> DISTRIBUTION =
      new Kind<>(Kind::timeDistribution, DistributionSpec.parse("exp(1ms)"));
  static final Kind<String> TEXT = new Kind<>(t -> t, "");
  static final Kind<Boolean> BOOLEAN = new Kind<>(Kind::bool, false);
  static final Kind<Long> INTEGER = new Kind<>(Kind::integer, 1L);
  static final Kind<Scale> SCALE = new Kind<>(Scale::parse, Scale.ONE);

  /** A name of a component, breaker or class: letters, digits, {@code -} and {@code _}. */
  static final Kind<String> NAME = new Kind<>(Kind::name, "");

  T parse(String text) {
    return parser.apply(text);
  }

  private static DistributionSpec timeDistribution(String text) {
    if (text.contains("(") && !text.contains(")")) {
      // YAML split "lognormal(10m, 0.8)" at its comma inside a {...} flow map.
      throw new UnitException(
          text, "distribution", "e.g. lognormal(10m, 0.8); inside {...} put it in quotes");
    }
    DistributionSpec d = DistributionSpec.parse(text);
    if (d.quantity() != DistributionSpec.Quantity.DURATION && d.mean() != 0) {
      throw new UnitException(text, "distribution of times", "e.g. exp(2ms), lognormal(3ms, 0.5)");
    }
    return d;
  }

  private static Boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new UnitException(text, "boolean", "true or false");
    };
  }

  private static Long integer(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new UnitException(text, "whole number", "e.g. 7");
    }
  }

  private static String name(String text) {
    if (!text.matches("[A-Za-z0-9_-]+")) {
      throw new UnitException(text, "name", "letters, digits, - and _, e.g. redis-cb");
    }
    return text;
  }
}
