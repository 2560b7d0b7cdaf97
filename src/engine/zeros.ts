/**
 * Working arrays of the flows, made afresh for every segment.
 */

/**
 * `n` zeros, as a plain array. The flows make a few dozen such arrays per segment: a
 * `Float64Array` of more than 8 numbers keeps its contents outside the JavaScript heap (V8), so
 * making and collecting one costs several times a plain array's, and that was a tenth of a run.
 */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
