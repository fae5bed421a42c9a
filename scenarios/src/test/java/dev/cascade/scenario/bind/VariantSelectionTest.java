package dev.cascade.scenario.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cascade.scenario.Fixtures;
import dev.cascade.scenario.spec.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --variant} and the load: an override that only one variant cannot take fails a command
 * that uses that variant, not a command that names another one.
 */
class VariantSelectionTest {

  /** Two variants; {@code short} ends at 30 s, so a fault moved to 40 s is past its horizon. */
  private static final String TEXT =
      Fixtures.SMALL
          + "variants:\n"
          + "  long: {}\n"
          + "  short:\n"
          + "    set: {horizon: 30s}\n"
          + "checks:\n"
          + "  - {metric: web.ok_rps, window: all, min: 1, variant: short}\n"
          + "  - {metric: web.ok_rps, window: all, min: 1}\n";

  private static final String LATE_FAULT = "faults[0].at=40s";

  private static Scenario load(List<String> variants, String... sets) {
    return ScenarioLoader.load(
        TEXT, Fixtures.FILE, new LoadOptions(List.of(sets), List.of(), variants));
  }

  private static List<String> problems(List<String> variants, String... sets) {
    ScenarioException e = catchThrowableOfType(() -> load(variants, sets), ScenarioException.class);
    assertThat(e).as("expected the load to fail").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void withoutASelection_everyVariantMustTakeTheOverride() {
    assertThat(problems(List.of(), LATE_FAULT))
        .singleElement()
        .asString()
        .contains("faults[0].at")
        .contains("before the horizon (30s)")
        .endsWith("(variant short)");
  }

  @Test
  void aVariantOutsideTheSelection_isLeftOutWhenTheOverrideBreaksIt() {
    Scenario s = load(List.of("long"), LATE_FAULT);
    assertThat(s.variantNames()).containsExactly("long");
    assertThat(s.variant("long").model().horizon()).isEqualTo(60.0);
    assertThat(s.variant("long").model().faults().get(0).at()).isEqualTo(40.0);
    // the check of the left-out variant is not reported; the shared one still applies to long
    assertThat(s.checksFor("long")).hasSize(1);
  }

  @Test
  void aValidVariantOutsideTheSelection_staysLoaded() {
    Scenario s = load(List.of("long"));
    assertThat(s.variantNames()).containsExactly("long", "short");
    assertThat(s.resolvedYaml()).isEqualTo(load(List.of()).resolvedYaml());
  }

  @Test
  void theSelectedVariant_stillFailsWithItsProblem() {
    assertThat(problems(List.of("short"), LATE_FAULT))
        .singleElement()
        .asString()
        .contains("faults[0].at")
        .endsWith("(variant short)");
  }

  @Test
  void aSelectedNameTheFileDoesNotDeclare_isReportedAtTheOption() {
    assertThat(problems(List.of("long", "shrot")))
        .containsExactly("--variant:2:1: no variant \"shrot\" in small (did you mean \"short\"?)");
    assertThat(problems(List.of("zzz")))
        .containsExactly(
            "--variant:1:1: no variant \"zzz\" in small (expected one of long, short)");
  }
}
