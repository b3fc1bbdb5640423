/** Edit distance between two short strings (ids, field names); swapping two neighbours (`=>` for `>=`) counts as one edit. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before = Array.from({ length: b.length + 1 }, () => 0);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Longest word (and candidate) compared: ids and field names are short; a 20 000-character reference is no typo. */
export const MAX_SUGGEST_LENGTH = 64;

/** At most this many candidates are compared for one word, so the cost of one suggestion is bounded whatever the tree. */
export const MAX_SUGGEST_CANDIDATES = 2000;

/**
 * The candidate closest to `word`, if it is close enough to be what the author meant. The cost is bounded:
 * words and candidates longer than `MAX_SUGGEST_LENGTH` are not compared, nor candidates whose length differs
 * by more than the edits allowed, and at most `MAX_SUGGEST_CANDIDATES` candidates are looked at.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  let bestStray = Infinity;
  const lower = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let looked = 0;
  for (const candidate of candidates) {
    if (++looked > MAX_SUGGEST_CANDIDATES) break;
    if (candidate.length > MAX_SUGGEST_LENGTH || Math.abs(candidate.length - word.length) > limit) continue;
    const d = candidate.toLowerCase() === lower ? 0.5 : editDistance(lower, candidate.toLowerCase());
    // Between equally close candidates, the one made of the same characters: `=` is `==`, not `>=`.
    const stray = d === bestDistance ? strayCharacters(lower, candidate.toLowerCase()) : 0;
    if (d < bestDistance || (d === bestDistance && stray < bestStray)) {
      best = candidate;
      bestDistance = d;
      bestStray = strayCharacters(lower, candidate.toLowerCase());
    }
  }
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** How many distinct characters one of the two words has and the other lacks. */
function strayCharacters(a: string, b: string): number {
  const x = new Set(a);
  const y = new Set(b);
  let n = 0;
  for (const ch of x) if (!y.has(ch)) n++;
  for (const ch of y) if (!x.has(ch)) n++;
  return n;
}
