// The console's random numbers: a small seeded generator (mulberry32), so a script that starts
// with `:clock <date time>` draws the same references on every run. Production uses crypto.
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** Starts the sequence again from `seed` (any number, e.g. a time in milliseconds). */
  reseed(seed: number): void;
}

export function seededRandom(seed: number): SeededRandom {
  let state = 0;
  const reseed = (s: number) => {
    // Fold a millisecond time (more than 32 bits) into the 32-bit state.
    state = (Math.floor(s) ^ Math.floor(s / 2 ** 32)) >>> 0;
  };
  reseed(seed);
  return {
    reseed,
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    },
  };
}
