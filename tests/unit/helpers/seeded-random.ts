/**
 * A small seeded generator (mulberry32) for tests that try many random cases: the same seed
 * gives the same cases on every run, so a failure names a case that can be run again.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick,
    /** One of `items`, which must not be empty. */
    one: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('nothing to choose from');
      return pick(items) as T;
    },
  };
}
export type SeededRandom = ReturnType<typeof seededRandom>;
