/**
 * A small seeded random generator (mulberry32). The state is a plain 32-bit
 * number kept by the caller, so a simulation state plus its seed replays
 * exactly; there is no `Math.random` anywhere in the engine.
 */

/** Generator state: an unsigned 32-bit integer. */
export type RngState = number;

/** Turns any finite seed into a generator state. */
export function seedRng(seed: number): RngState {
  // Mix the seed so nearby seeds (1, 2, 3) start far apart.
  let h = Math.imul((Math.trunc(seed) ^ 0x9e3779b9) >>> 0, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** Returns a float in [0, 1) and the next state. Pure. */
export function nextFloat(state: RngState): [value: number, next: RngState] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 15), z | 1);
  z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
  const value = ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  return [value, next];
}

/** Returns an integer in [min, max] (both inclusive, both integers) and the next state. */
export function nextInt(state: RngState, min: number, max: number): [value: number, next: RngState] {
  const [u, next] = nextFloat(state);
  return [min + Math.floor(u * (max - min + 1)), next];
}
