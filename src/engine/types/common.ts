/** Names and ranges that every section of the model uses. */

/** A zone name, for example `"a"` or an AZ ID such as `"use1-az1"`. */
export type ZoneName = string;

/** A closed range of seconds; the engine draws a value in it with the seeded generator. */
export interface SecondsRange {
  /** Smallest value, in seconds. */
  min: number;
  /** Largest value, in seconds. */
  max: number;
}
