package dev.cascade.model.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class OpQueueTest {

  private static Op op(int seq) {
    return new Op(0, null, seq, (r, s, result) -> {}, 0);
  }

  @Test
  void tagsTravelWithTheirOperationsThroughWrapAroundAndGrowth() {
    OpQueue q = new OpQueue();
    int next = 0;
    int expected = 0;
    // Interleave adds and polls so that the ring wraps before it grows (16 -> 32 -> 64).
    for (int round = 0; round < 40; round++) {
      q.add(op(next), 1000L + next);
      next++;
      q.add(op(next), 1000L + next);
      next++;
      if (round % 3 == 0) {
        assertThat(q.peekTag()).isEqualTo(1000L + expected);
        assertThat(q.poll().seq).isEqualTo(expected);
        expected++;
      }
    }
    assertThat(q.size()).isEqualTo(next - expected);
    while (!q.isEmpty()) {
      assertThat(q.peekTag()).isEqualTo(1000L + expected);
      assertThat(q.poll().seq).isEqualTo(expected);
      expected++;
    }
    assertThat(expected).isEqualTo(next);
    assertThat(q.poll()).isNull();
  }

  @Test
  void anUntaggedOperationReadsTagZeroEvenInASlotThatHeldATag() {
    OpQueue q = new OpQueue();
    q.add(op(1), 77L);
    q.poll();
    for (int i = 0; i < 15; i++) {
      q.add(op(2 + i)); // the ring comes back round to the slot that held 77
      q.poll();
    }
    q.add(op(99));
    assertThat(q.peekTag()).isZero();
    assertThat(q.poll().seq).isEqualTo(99);
  }

  @Test
  void peekTagOnAnEmptyQueueFails() {
    OpQueue q = new OpQueue();
    assertThatThrownBy(q::peekTag).isInstanceOf(NoSuchElementException.class);
  }
}
