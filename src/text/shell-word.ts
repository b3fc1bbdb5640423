/**
 * A word as a POSIX shell reads it back: left as it is when it holds only
 * characters no shell treats specially, else in single quotes (a `'` inside
 * as `'\''`), so that a command govern prints for a path such as
 * `parcerias/açaí-&-cia` can be pasted as it is. Pure.
 */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
