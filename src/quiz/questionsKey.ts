/**
 * A short fingerprint of a quiz's list of question ids (FNV-1a, 32 bits, in base 36), so a page that does not
 * load the quiz can still tell whether the answers stored with a list of ids were given to the quiz as it is
 * today (./unitState): 14 fingerprints weigh a few bytes, where every quiz's ids weigh about 1 KB gzip.
 */
export function questionsKey(ids: readonly string[]): string {
  let hash = 0x811c9dc5;
  const text = ids.join('\n');
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
