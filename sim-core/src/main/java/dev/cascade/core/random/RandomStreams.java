package dev.cascade.core.random;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The random streams of one replication: one independent generator per source of randomness, named
 * by component and stream ({@code "db", "service"}), as SSJ's one-stream-per-source discipline
 * recommends. A stream's 128-bit seed is a pure function of (seed, replication, component, stream
 * name): each name is hashed with 64-bit FNV-1a over its UTF-8 bytes and the parts are chained
 * through the SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014). Nothing depends on the order in which streams are created, so every
 * variant and sweep point of a replication draws the same numbers for the same component (common
 * random numbers) and adding a stream leaves the others unchanged. Generators are xoroshiro128++
 * (Blackman and Vigna 2018), period 2^128 - 1.
 */
public final class RandomStreams {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
  private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long seed;
  private final int replication;

  /**
   * Creates the streams of one replication.
   *
   * @param seed the scenario's base seed
   * @param replication the replication index
   */
  public RandomStreams(long seed, int replication) {
    this.seed = seed;
    this.replication = replication;
  }

  /**
   * Returns a new generator for the named stream. Asking twice for the same names gives two
   * generators with identical sequences, so a component should ask once per source and keep it.
   */
  public UniformRandomProvider stream(String component, String streamName) {
    long[] state = seedOf(component, streamName);
    return new XoRoShiRo128PlusPlus(state[0], state[1]);
  }

  /** The two-long seed of the named stream: never all zero, which xoroshiro128 cannot use. */
  long[] seedOf(String component, String streamName) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(streamName, "streamName");
    long key = mix64(seed);
    key = combine(key, replication);
    key = combine(key, fnv1a64(component));
    key = combine(key, fnv1a64(streamName));
    long s0 = mix64(key + GOLDEN_GAMMA);
    long s1 = mix64(key + 2 * GOLDEN_GAMMA);
    return (s0 | s1) == 0 ? new long[] {GOLDEN_GAMMA, s1} : new long[] {s0, s1};
  }

  /** The base seed. */
  public long seed() {
    return seed;
  }

  /** The replication index. */
  public int replication() {
    return replication;
  }

  /** Order-sensitive chaining: combine(combine(k, a), b) differs from combine(combine(k, b), a). */
  private static long combine(long key, long value) {
    return mix64(key ^ mix64(value + GOLDEN_GAMMA));
  }

  /** 64-bit FNV-1a over the UTF-8 bytes of a name. */
  static long fnv1a64(String name) {
    long hash = FNV_OFFSET_BASIS;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    return hash;
  }

  /** The SplitMix64 output finalizer (Stafford's variant 13). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
