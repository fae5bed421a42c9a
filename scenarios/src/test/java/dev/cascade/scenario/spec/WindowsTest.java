package dev.cascade.scenario.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cascade.core.stats.Window;
import dev.cascade.scenario.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowsTest {

  private static List<Window> windows(String text, String... sets) {
    Scenario s = Fixtures.load(text, sets);
    return Windows.resolve(s.base(), s.windows());
  }

  @Test
  void scheduledFault_givesBeforeDuringOutageAfterAndAll() {
    assertThat(windows(Fixtures.SMALL))
        .containsExactly(
            new Window("before", 5, 20),
            new Window("during", 20, 40),
            new Window("outage", 20, 40),
            new Window("after", 40, 60),
            new Window("all", 5, 60));
  }

  @Test
  void withoutFaults_onlyAll() {
    String text = Fixtures.SMALL.substring(0, Fixtures.SMALL.indexOf("faults:"));
    assertThat(windows(text)).containsExactly(new Window("all", 5, 60));
  }

  @Test
  void faultWithoutFor_lastsToTheHorizon() {
    assertThat(windows(Fixtures.SMALL, "faults[0].for=none"))
        .contains(new Window("during", 20, 60), new Window("after", 60, 60));
  }

  @Test
  void severalFaults_spanFirstStartToLastEnd() {
    String text =
        Fixtures.SMALL + "  - {at: 10s, target: db, action: slow, latency: +5ms, for: 5s}\n";
    assertThat(windows(text)).contains(new Window("before", 5, 10), new Window("during", 10, 40));
  }

  @Test
  void faultDuringWarmup_isCutToTheWarmup() {
    assertThat(windows(Fixtures.SMALL, "faults[0].at=2s", "faults[0].for=1s"))
        .contains(new Window("before", 5, 5), new Window("during", 5, 5));
  }

  @Test
  void randomFaults_doNotMakeWindows() {
    String text =
        Fixtures.SMALL.substring(0, Fixtures.SMALL.indexOf("faults:"))
            + "faults:\n  - {target: db, action: hang, mtbf: 1h, mttr: 1m}\n";
    assertThat(windows(text)).extracting(Window::name).containsExactly("all");
  }

  @Test
  void customWindows_followTheBuiltInOnes_withDefaultsWarmupAndHorizon() {
    String text = Fixtures.SMALL + "windows:\n  recovery: {from: 45s}\n  early: {to: 15s}\n";
    List<Window> w = windows(text);
    assertThat(w.subList(5, 7))
        .containsExactly(new Window("recovery", 45, 60), new Window("early", 5, 15));
  }

  @Test
  void customWindowBeyondTheHorizon_isAProblem() {
    String text = Fixtures.SMALL + "windows:\n  late: {from: 50s, to: 2m}\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fixtures.load(text))
        .hasMessageContaining(
            "late.to: \"2m\" is out of range (expected at most the horizon (1m))");
  }
}
