package dev.cascade.core.event;

/**
 * Sorts a run of event entries, parallel arrays of times and slots, into (time, sequence number)
 * order for {@link EventList}: a counting sort into about one group per entry by a monotone
 * function of time, then an exact sort inside each group (insertion sort, or a merge sort for large
 * groups such as many equal times). Expected O(n) for the spread-out times of a calendar bucket,
 * O(n log n) at worst.
 */
final class RunSort {

  private static final int INSERTION_MAX = 24;

  private double[] tmpTime = new double[0];
  private int[] tmpSlot = new int[0];
  private int[] groupStart = new int[0];

  /**
   * Sorts {@code time[0..n)} with {@code slot[0..n)} alongside; ties in time are ordered by {@code
   * seq[slot]}. {@code min} and {@code max} bound the finite times (infinite ones are allowed).
   */
  void sort(double[] time, int[] slot, int n, long[] seq, double min, double max) {
    if (n <= INSERTION_MAX) {
      insertion(time, slot, 0, n, seq);
      return;
    }
    ensure(n);
    double scale = n / (max - min);
    if (!(scale > 0 && scale < Double.POSITIVE_INFINITY)) {
      mergeSort(time, slot, 0, n, seq);
      return;
    }
    // Group g(t) = floor((t - min) * scale), clamped to [0, n - 1], is monotone in t, so sorting
    // the groups in order and each group exactly sorts the run.
    int[] start = groupStart;
    java.util.Arrays.fill(start, 0, n + 1, 0);
    int last = n - 1;
    for (int i = 0; i < n; i++) {
      start[group(time[i], min, scale, last) + 1]++;
    }
    for (int g = 0; g < n; g++) {
      start[g + 1] += start[g];
    }
    double[] tt = tmpTime;
    int[] ts = tmpSlot;
    for (int i = 0; i < n; i++) {
      int to = start[group(time[i], min, scale, last)]++;
      tt[to] = time[i];
      ts[to] = slot[i];
    }
    // start[g] is now the end of group g; copy back group by group, sorting each.
    int from = 0;
    for (int g = 0; g < n; g++) {
      int end = start[g];
      int len = end - from;
      if (len == 1) {
        time[from] = tt[from];
        slot[from] = ts[from];
      } else if (len > 1) {
        System.arraycopy(tt, from, time, from, len);
        System.arraycopy(ts, from, slot, from, len);
        if (len <= INSERTION_MAX) {
          insertion(time, slot, from, end, seq);
        } else {
          mergeSort(time, slot, from, end, seq);
        }
      }
      from = end;
    }
  }

  private static int group(double t, double min, double scale, int last) {
    double g = (t - min) * scale;
    if (g >= last) {
      return last;
    }
    return g > 0 ? (int) g : 0;
  }

  private void ensure(int n) {
    if (tmpTime.length < n) {
      int cap = Math.max(n, 2 * tmpTime.length);
      tmpTime = new double[cap];
      tmpSlot = new int[cap];
      groupStart = new int[cap + 1];
    }
  }

  private static boolean before(double t1, int s1, double t2, int s2, long[] seq) {
    return t1 < t2 || (t1 == t2 && seq[s1] < seq[s2]);
  }

  private static void insertion(double[] time, int[] slot, int from, int to, long[] seq) {
    for (int i = from + 1; i < to; i++) {
      double t = time[i];
      int s = slot[i];
      int j = i - 1;
      while (j >= from && before(t, s, time[j], slot[j], seq)) {
        time[j + 1] = time[j];
        slot[j + 1] = slot[j];
        j--;
      }
      time[j + 1] = t;
      slot[j + 1] = s;
    }
  }

  /** Bottom-up merge sort of [from, to) through the temporary arrays (stable). */
  private void mergeSort(double[] time, int[] slot, int from, int to, long[] seq) {
    ensure(to);
    for (int i = from; i < to; i += INSERTION_MAX) {
      insertion(time, slot, i, Math.min(i + INSERTION_MAX, to), seq);
    }
    double[] srcT = time;
    int[] srcS = slot;
    double[] dstT = tmpTime;
    int[] dstS = tmpSlot;
    for (int width = INSERTION_MAX; width < to - from; width *= 2) {
      for (int lo = from; lo < to; lo += 2 * width) {
        int mid = Math.min(lo + width, to);
        int hi = Math.min(lo + 2 * width, to);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          if (before(srcT[b], srcS[b], srcT[a], srcS[a], seq)) {
            dstT[k] = srcT[b];
            dstS[k++] = srcS[b++];
          } else {
            dstT[k] = srcT[a];
            dstS[k++] = srcS[a++];
          }
        }
        while (a < mid) {
          dstT[k] = srcT[a];
          dstS[k++] = srcS[a++];
        }
        while (b < hi) {
          dstT[k] = srcT[b];
          dstS[k++] = srcS[b++];
        }
      }
      double[] t = srcT;
      srcT = dstT;
      dstT = t;
      int[] s = srcS;
      srcS = dstS;
      dstS = s;
    }
    if (srcT != time) {
      System.arraycopy(srcT, from, time, from, to - from);
      System.arraycopy(srcS, from, slot, from, to - from);
    }
  }
}
