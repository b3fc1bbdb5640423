import path from 'node:path';

// path.relative and path.join without their normalising, for the paths the
// reading of a tree deals in: absolute ones with no empty, `.` or `..` segment
// and no trailing `/`, and names or relative paths made of such segments. For
// those path.resolve and path.normalize change nothing, so the answer is a
// slice or a concatenation. Every other path (and any path on Windows) goes
// to node:path itself. Node's functions walk each path character by character
// in JavaScript, which a short run pays for uncompiled: a review pack made
// about 120 such calls, 1-2 ms (docs/performance.md).
// test/io/paths.property.test.ts holds both to node:path.

/** An absolute POSIX path of plain segments: `/a/b`, not `/`, `/a/`, `/a//b`, `/a/./b` or `/a/..`. */
const PLAIN_ABSOLUTE = /^(?:\/(?!\.\.?(?:\/|$))[^/]+)+$/;
/** A relative path of plain segments: `a`, `a/b`, not `.`, `..`, `a/`, `a//b` or `/a`. */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[^/]+(?:\/(?!\.\.?(?:\/|$))[^/]+)*$/;
const POSIX = path.sep === '/';

/** `path.relative(from, to)`, the same answer, made from the segments when both are plain absolute paths. */
export function relativePath(from: string, to: string): string {
  if (!POSIX || !PLAIN_ABSOLUTE.test(from) || !PLAIN_ABSOLUTE.test(to)) return path.relative(from, to);
  if (from === to) return '';
  // A path below `from`: the rest of it.
  if (to.length > from.length && to.charCodeAt(from.length) === 47 && to.startsWith(from)) return to.slice(from.length + 1);
  // `..` for each of from's segments below the longest common folder, then the rest of to.
  const a = from.split('/');
  const b = to.split('/');
  let common = 1;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const up: string[] = [];
  for (let i = common; i < a.length; i++) up.push('..');
  return [...up, ...b.slice(common)].join('/');
}

/** `path.join(dir, rel)`, the same answer, without normalising when `dir` is plain and absolute and `rel` plain and relative. */
export function joinPath(dir: string, rel: string): string {
  if (POSIX && PLAIN_ABSOLUTE.test(dir) && PLAIN_RELATIVE.test(rel)) return `${dir}/${rel}`;
  return path.join(dir, rel);
}
