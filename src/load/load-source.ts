import type { FileKind } from '../model/file-kind.js';
import type { RawFile, SourceFile, YamlProblem } from '../model/source.js';
import { fileStart, type Range } from '../model/diagnostic.js';
import { type KnownRead, readYaml } from '../parse/read-yaml.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Read errors with a rule of their own; every other one is `file/unreadable`. */
const READ_ERROR_RULES: Readonly<Record<string, string>> = {
  EFBIG: 'file/too-large',
  ELINKOUT: 'file/symlink-outside',
};

/** Turns a raw file into a parsed source file; problems of reading and decoding become findings, never throws. `known`: see readYaml. */
export function loadSource(raw: RawFile, kind: FileKind | null, known?: KnownRead): SourceFile {
  if (raw.readError) {
    const file = unreadable(raw, kind, raw.readError.message, READ_ERROR_RULES[raw.readError.code] ?? 'file/unreadable', { code: raw.readError.code });
    return raw.readError.code === 'ELINKOUT' ? { ...file, refused: true } : file;
  }
  const content = raw.content ?? '';
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else {
    if (content.includes(0)) {
      return unreadable(raw, kind, 'this is a binary file, not YAML text', 'file/not-text', {});
    }
    try {
      text = decoder.decode(content);
    } catch {
      const at = firstInvalidUtf8(content);
      return unreadable(
        raw,
        kind,
        'this file is not UTF-8 text (it looks like another encoding, such as Latin-1): save it as UTF-8',
        'file/encoding',
        { byte: at.offset },
        at.range,
      );
    }
  }
  const parsed = readYaml(text, raw.relPath, known);
  return {
    path: raw.path,
    relPath: raw.relPath,
    kind,
    text,
    data: parsed.data,
    ok: parsed.ok,
    problems: parsed.problems,
    locate: parsed.locate,
    lineCount: countLines(text),
  };
}

function unreadable(raw: RawFile, kind: FileKind | null, message: string, ruleId: string, data: Record<string, unknown>, range?: Range): SourceFile {
  const at: Range = range ?? fileStart();
  const problem: YamlProblem = { ruleId, message, range: at, data };
  return {
    path: raw.path,
    relPath: raw.relPath,
    kind,
    text: '',
    data: undefined,
    ok: false,
    problems: [problem],
    locate: () => at,
    lineCount: Math.max(1, at.start.line),
  };
}

function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** The line and column of the first byte that is not valid UTF-8, so the finding points at it. */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; range: Range } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else break;
    let valid = i + need < bytes.length;
    for (let k = 1; valid && k <= need; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    if (!valid) break;
    if (b === 0x0a) {
      line++;
      column = 1;
    } else {
      column += need === 3 ? 2 : 1;
    }
    i += need + 1;
  }
  return { offset: i, range: { start: { line, column }, end: { line, column: column + 1 } } };
}
