package dev.cascade.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  @Test
  void events_fireInTimeOrder_clockFollows() {
    Simulation sim = new Simulation();
    List<String> log = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> log.add(sim.now() + ":" + payload);
    sim.schedule(2.0, h, 0, 0, "b");
    sim.schedule(1.0, h, 0, 0, "a");
    sim.after(3.0, h, 0, 0, "c");
    long n = sim.runUntil(10);
    assertThat(n).isEqualTo(3);
    assertThat(log).containsExactly("1.0:a", "2.0:b", "3.0:c");
    assertThat(sim.now()).isEqualTo(10.0);
  }

  @Test
  void sameTime_firesInSchedulingOrder_evenWhenScheduledFromHandlers() {
    Simulation sim = new Simulation();
    List<Integer> order = new ArrayList<>();
    EventHandler[] h = new EventHandler[1];
    h[0] =
        (type, arg, payload) -> {
          order.add(arg);
          if (arg == 0) {
            sim.after(0, h[0], 0, 3, null);
          }
        };
    sim.schedule(1.0, h[0], 0, 0, null);
    sim.schedule(1.0, h[0], 0, 1, null);
    sim.schedule(1.0, h[0], 0, 2, null);
    sim.runUntil(5);
    assertThat(order).containsExactly(0, 1, 2, 3);
  }

  @Test
  void cancelledEvent_doesNotFire_andIsNotCounted() {
    Simulation sim = new Simulation();
    List<Integer> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> fired.add(arg);
    long timeout = sim.schedule(5.0, h, 0, 1, null);
    sim.schedule(1.0, h, 0, 2, null);
    assertThat(sim.cancel(timeout)).isTrue();
    assertThat(sim.cancel(timeout)).isFalse();
    sim.runUntil(10);
    assertThat(fired).containsExactly(2);
    assertThat(sim.eventsFired()).isEqualTo(1);
  }

  @Test
  void runUntil_leavesLaterEventsPending_andResumes() {
    Simulation sim = new Simulation();
    List<Double> fired = new ArrayList<>();
    EventHandler h = (type, arg, payload) -> fired.add(sim.now());
    sim.schedule(1, h, 0);
    sim.schedule(7, h, 0);
    sim.runUntil(5);
    assertThat(fired).containsExactly(1.0);
    assertThat(sim.pending()).isEqualTo(1);
    sim.runUntil(10);
    assertThat(fired).containsExactly(1.0, 7.0);
  }

  @Test
  void schedulingInThePast_isRejected() {
    Simulation sim = new Simulation();
    sim.schedule(2, (t, a, p) -> {}, 0);
    sim.runUntil(3);
    assertThatThrownBy(() -> sim.schedule(1, (t, a, p) -> {}, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sim.after(-1, (t, a, p) -> {}, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stop_endsTheLoopAfterTheCurrentEvent() {
    Simulation sim = new Simulation();
    List<Integer> fired = new ArrayList<>();
    EventHandler h =
        (type, arg, payload) -> {
          fired.add(arg);
          if (arg == 1) {
            sim.stop();
          }
        };
    sim.schedule(1, h, 0, 1, null);
    sim.schedule(2, h, 0, 2, null);
    sim.runUntil(10);
    assertThat(fired).containsExactly(1);
    assertThat(sim.now()).isEqualTo(1.0);
  }
}
