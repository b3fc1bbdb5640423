import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The committed hostile cases (byte-exact: see the folder's .gitattributes). */
export const FIXTURES = path.join(ROOT, 'test/fixtures/hostile');

/**
 * The CLI as users run it; end-to-end tests need `npm run build` first.
 * GOVERN_TEST_BIN runs the same tests against another build (an older
 * commit's bin/govern.js, to show a test fails on the code before a fix).
 */
export const BIN = process.env.GOVERN_TEST_BIN ?? path.join(ROOT, 'bin/govern.js');

/** A minimal valid partnership.yaml. */
export const PARTNERSHIP = readFileSync(path.join(FIXTURES, 'cases/alias-bomb/partnership.yaml'), 'utf8');

const VALID_CONTACTS = 'contacts:\n  - id: jane-doe\n    name: Jane Doe\n    party: client\n    email: jane.doe@acme.example\n';

/** How deep the deep documents nest: far past the limit, deep enough to abort Node when composed twice. */
export const DEEP_LEVELS = 10_000;

/** Nesting by compact block sequences: `- - - - x`. */
export const DEEP_BLOCK = `contacts:\n  ${'- '.repeat(DEEP_LEVELS)}x\n`;

/** Nesting by flow brackets: `[[[[…]]]]`. */
export const DEEP_FLOW = `risks: ${'['.repeat(DEEP_LEVELS)}${']'.repeat(DEEP_LEVELS)}\n`;

/** The size of the generated large file: four times the limit. */
export const LARGE_BYTES = 20 * 1024 * 1024;

/** A corpus laid out in a temporary folder: `cases/<name>/` partnership folders, and a secret outside them. */
export interface Corpus {
  dir: string;
  cases: string;
  /** Text of a file outside the corpus that a symbolic link points at: it must never appear in any output. */
  secret: string;
  remove(): void;
}

/**
 * Copies the committed cases into a temporary folder and generates the ones
 * that cannot be committed: a 20 MB file, two documents 10 000 levels deep,
 * symbolic links (a loop, one leading outside, one into a dot-folder), a partnership inside
 * node_modules (which .gitignore would hide).
 */
export function buildCorpus(options: { large?: boolean } = {}): Corpus {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-hostile-'));
  const cases = path.join(dir, 'cases');
  cpSync(path.join(FIXTURES, 'cases'), cases, { recursive: true });
  const make = (name: string, files: Record<string, string>): string => {
    const folder = path.join(cases, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'partnership.yaml'), PARTNERSHIP);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
      writeFileSync(path.join(folder, file), text);
    }
    return folder;
  };

  if (options.large !== false) {
    const line = '  - { id: jane-doe, name: Jane Doe, party: client }\n';
    const large = make('too-large', {});
    writeFileSync(path.join(large, 'contacts.yaml'), `contacts:\n${line.repeat(Math.ceil(LARGE_BYTES / line.length))}`);
  }
  make('too-deep', { 'contacts.yaml': DEEP_BLOCK, 'risks.yaml': DEEP_FLOW });

  const loop = make('symlink-loop', {});
  symlinkSync('contacts.yaml', path.join(loop, 'contacts.yaml'));
  symlinkSync('.', path.join(loop, 'again'));

  const secret = 'root:x:0:0:SECRET-OUTSIDE-THE-TREE\n';
  writeFileSync(path.join(dir, 'secret.yaml'), secret);
  const outside = make('symlink-outside', {});
  symlinkSync(path.join(dir, 'secret.yaml'), path.join(outside, 'contacts.yaml'));

  // contacts.yaml swapped for a link to a file outside that defines the very id risks.yaml names: the link is refused,
  // defines nothing, and the reference is still judged (it would resolve if the file outside were read).
  writeFileSync(path.join(dir, 'outside-contacts.yaml'), `${VALID_CONTACTS}  # ${secret.trim()}\n`);
  const referenced = make('symlink-outside-referenced', {
    'risks.yaml':
      'risks:\n  - id: vendor-lock\n    title: One vendor\n    likelihood: 2\n    impact: 2\n    owner: jane-doe\n    status: open\n    reviewBy: 2027-06-30\n',
  });
  symlinkSync(path.join(dir, 'outside-contacts.yaml'), path.join(referenced, 'contacts.yaml'));

  // A link that stays inside the case folder but leads into a dot-folder, where .git/config keeps a CI token.
  const dotted = make('symlink-dot-folder', { '.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${secret.trim()}\n` });
  symlinkSync('.git/config', path.join(dotted, 'contacts.yaml'));
  symlinkSync('.git', path.join(dotted, 'reviews'));
  // Values that execute where they are printed: a lone CR and a workflow command, ESC sequences, a bidi override.
  make('control-chars', {
    'contacts.yaml': [
      'contacts:',
      '  - id: jane-doe',
      `    name: ${JSON.stringify(HOSTILE_TEXT.workflowCommand)}`,
      `    title: ${JSON.stringify(HOSTILE_TEXT.bidi)}`,
      '    party: client',
      '    email: jane.doe@client.example',
      `  - id: ${JSON.stringify(HOSTILE_TEXT.fakeAllClear)}`,
      `    name: ${JSON.stringify(HOSTILE_TEXT.separators)}`,
      '    party: provider',
      '    phone: "+44 20 7946 0000"',
      '',
    ].join('\n'),
  });

  // Issue 13's later cases: a calendar property after a CR LF, C1 controls, a heading and a mention for Markdown.
  make('calendar-text', {
    'contacts.yaml': VALID_CONTACTS,
    'governance.yaml': [
      'meetings:',
      '  - id: review',
      `    name: ${JSON.stringify(HOSTILE_TEXT.icsInjection)}`,
      '    cadence: monthly',
      '    day: first-tue',
      '    time: "10:00"',
      '    chair: jane-doe',
      `    agenda: [${JSON.stringify(HOSTILE_TEXT.c1)}, ${JSON.stringify(HOSTILE_TEXT.markdown)}]`,
      '',
    ].join('\n'),
  });

  make('node-modules', { 'contacts.yaml': VALID_CONTACTS, 'node_modules/some-package/partnership.yaml': 'id: [unclosed\n\t: : :\n' });

  return { dir, cases, secret, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A folder whose only partnership lies inside node_modules: checking it is a usage error. */
export function buildNodeModulesOnly(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-hostile-nm-'));
  mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules/pkg/partnership.yaml'), PARTNERSHIP);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A partnership whose contacts.yaml is chmod 000; valid content, so that a reader that can read it finds nothing. */
export function buildUnreadable(): { dir: string; file: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-hostile-perm-'));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'partnership.yaml'), PARTNERSHIP);
  const file = path.join(dir, 'contacts.yaml');
  writeFileSync(file, VALID_CONTACTS);
  chmodSync(file, 0o000);
  return { dir, file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Values that execute where they are printed (issue 13, item 2): a lone CR followed by a workflow command,
 * ESC sequences that erase a line and draw a fake result, a right-to-left override. Written into files as
 * YAML double-quoted strings (`JSON.stringify` gives a valid one), every writer for people must show them
 * as visible escapes.
 */
export const HOSTILE_TEXT = {
  workflowCommand: 'x\r::warning title=INJECTED::pwned',
  fakeAllClear: '\u001b[2K\u001b[1A\u2714 no problems',
  bidi: 'invoice\u202efdp.exe',
  separators: 'one\u2028two\u2029three\u0085four',
  icsInjection: 'Review\r\nATTENDEE:mailto:evil@x.example\rBEGIN:VALARM; a, b \\ c',
  c1: 'CSI \u009b2J OSC \u009d0;title\u009c',
  markdown: 'Ops\r# Reviewed by @org/security-team | forged | <h1>x</h1> #123',
} as const;
