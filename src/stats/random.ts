/** A small seeded generator (mulberry32): samples and bootstrap replicates are reproducible from --seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, in place, drawing from `random`. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let n = items.length - 1; n > 0; n--) {
    const j = Math.floor(random() * (n + 1));
    [items[n], items[j]] = [items[j] as T, items[n] as T];
  }
  return items;
}
