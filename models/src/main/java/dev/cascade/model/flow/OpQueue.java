package dev.cascade.model.flow;

import java.util.Arrays;

/** A growable FIFO ring of operations. */
public final class OpQueue {

  private Op[] items = new Op[16];
  private int head;
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void add(Op op) {
    if (size == items.length) {
      Op[] n = new Op[items.length * 2];
      for (int i = 0; i < size; i++) {
        n[i] = items[(head + i) & (items.length - 1)];
      }
      items = n;
      head = 0;
    }
    items[(head + size) & (items.length - 1)] = op;
    size++;
  }

  /** Removes and returns the oldest operation, or null. */
  public Op poll() {
    if (size == 0) {
      return null;
    }
    Op op = items[head];
    items[head] = null;
    head = (head + 1) & (items.length - 1);
    size--;
    return op;
  }

  /** Removes everything. */
  public void clear() {
    Arrays.fill(items, null);
    head = 0;
    size = 0;
  }
}
