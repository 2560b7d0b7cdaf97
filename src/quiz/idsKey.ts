/**
 * Small stable hashes, the same on the server and in the browser. Kept apart from ./grade so
 * that every page's progress marks (./unitState) can use them without loading the grading.
 */

/** 32-bit FNV-1a. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A short key of a quiz's question ids in order: progress stored with another key was stored for another set of questions. */
export const questionIdsKey = (ids: readonly string[]): string => fnv1a(ids.join(' ')).toString(36);
