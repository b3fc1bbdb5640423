import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, buildCorpus, type Corpus } from './corpus.js';

// Item 2 of issue 13 in the documents and calendars govern writes for people: a rendered Markdown document
// (printed to a terminal by `govern render`, or read on a git host), `govern calendar` and `govern due
// --format ics` (opened by a calendar). A value from the files that carries a terminal escape, a bell, a C1
// control or a bidirectional override must come out as a visible escape (CLI.md, control characters), and
// no value may add a property to a calendar.

const built = existsSync(path.join(path.dirname(BIN), '../lib/bundle/govern.cjs'));

function run(cwd: string, args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GOVERN_THREADS: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A YAML double-quoted string holding exactly `text` (JSON is YAML). */
const q = (text: string): string => JSON.stringify(text);

/**
 * A Wellington partnership, written by hand (flow maps, comments, CRLF in one file), whose names, titles,
 * agenda items and summary carry `bad` around plain words the test looks for.
 */
function partnership(bad: string): Record<string, string> {
  return {
    'partnership.yaml': `# Tūī Trust buys hosting from Kererū Cloud.
id: tui-kereru
name: ${q(`Tūī ⇄ Kererū ${bad}pact`)}
client: { id: tui, name: ${q(`Tūī ${bad}Trust`)} }
provider: { id: kereru, name: Kererū Cloud }
timezone: Pacific/Auckland
contract:
  reference: ${q(`MSA-${bad}-9`)}
  start: 2026-01-01
  end: 2027-01-31
  renewal: { auto: true, noticeDays: 60 }   # last notice day 2026-12-02
owners: { client: aroha, provider: wiremu }
scope: { services: [hosting] }
`,
    'contacts.yaml': [
      'contacts:',
      `  - { id: aroha, name: ${q(`Aroha ${bad}Ngata`)}, party: client, email: aroha@tui.example, title: ${q(`Head ${bad}of IT`)} }`,
      `  - { id: wiremu, name: ${q(`Wiremu ${bad}Tane`)}, party: provider, email: wiremu@kereru.example, phone: "+64 4 555 0101" }`,
      '',
    ].join('\r\n'),
    'governance.yaml': `meetings:
  - id: hui
    name: ${q(`Monthly ${bad}hui`)}
    cadence: monthly
    day: first-tue
    time: "09:30"
    duration: 1h
    chair: aroha
    attendees: [wiremu]
    agenda: [${q(`Service ${bad}levels`)}, Open actions]
`,
    'slas.yaml': `services:
  - id: hosting
    name: ${q(`Hosting ${bad}plan`)}
    calendar: 24x7
    priorities:
      - { id: P1, response: 15m, resolution: 4h, target: 95 }
`,
    'escalation.yaml': `paths:
  - id: p1
    appliesTo: { services: [hosting], priorities: [P1] }
    levels:
      - { name: ${q(`Desk ${bad}first`)}, after: 0m, contacts: [wiremu], coverage: 24x7 }
      - { name: Owner, after: 1h, contacts: [aroha], coverage: 24x7 }
`,
    'measurements/2026-11.yaml': `period: 2026-11
incidents:
  - { id: INC-1, service: hosting, priority: P1, opened: 2026-11-10T10:00:00Z, responded: 2026-11-10T10:05:00Z, resolved: 2026-11-10T11:00:00Z }
`,
    'reviews/2026-11.yaml': `period: 2026-11
held: 2026-11-24
meeting: hui
summary: ${q(`A **calm** month ${bad}summary, with \`code ${bad}span\`.`)}
actions:
  - { id: A-1, title: ${q(`Patch ${bad}servers`)}, owner: wiremu, due: 2026-12-05, status: open }
`,
  };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'govern-docs-cal-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

// One class of character at a time: the raw characters of the class, and the visible escapes they become.
const CLASSES: { name: string; bad: string; raw: RegExp; shown: string }[] = [
  {
    name: 'ESC (cursor movement, a window title, a colour)',
    bad: '\u001b[2K\u001b[1A\u001b]0;t\u001b\\\u001b[31m',
    raw: /\u001b/,
    shown: '\\x1b[2K\\x1b[1A\\x1b]0;t\\x1b\\\\x1b[31m',
  },
  { name: 'BEL and other C0 controls', bad: '\u0007\u0008\u007f', raw: /[\u0007\u0008\u007f]/, shown: '\\x07\\x08\\x7f' },
  { name: 'C1 controls (CSI, OSC)', bad: '\u009b2J\u009d0;t\u009c\u0080', raw: /[\u0080-\u009f]/, shown: '\\x9b2J\\x9d0;t\\x9c\\x80' },
  {
    name: 'bidirectional embeddings, overrides and isolates',
    bad: '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069',
    raw: /[\u202a-\u202e\u2066-\u2069]/,
    shown: '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069',
  },
];

const TODAY = '2026-11-25';

/** What a reader of the Markdown sees: the text of every inline piece, code spans included, and the fences. */
function markdownText(md: string): { text: string; fences: string } {
  const tokens = new MarkdownIt().parse(md, {});
  const text = tokens
    .flatMap((t) => t.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('\n');
  const fences = tokens
    .filter((t) => t.type === 'fence')
    .map((t) => t.content)
    .join('\n');
  return { text, fences };
}

describe.runIf(built)('control and bidi characters from the files, in documents and calendars', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  describe.each(CLASSES)('$name', ({ bad, raw, shown }) => {
    let dir: string;
    beforeAll(() => {
      dir = tree(partnership(bad));
      dirs.push(dir);
    });

    it('render contract-summary and review-pack (Markdown: tables, headings, Mermaid, rich text): shown as escapes', () => {
      const summary = run(dir, ['render', 'contract-summary', '.', '--today', TODAY]);
      const pack = run(dir, ['render', 'review-pack', '.', '--period', '2026-11', '--today', TODAY]);
      for (const r of [summary, pack]) {
        expect(r.err).toBe('');
        expect(r.code).toBe(0);
        expect(r.out).not.toMatch(raw);
        expect(r.out).not.toMatch(/\r/);
      }
      const s = markdownText(summary.out);
      expect(s.text).toContain(`Tūī ⇄ Kererū ${shown}pact`);
      expect(s.text).toContain(`Aroha ${shown}Ngata`);
      expect(s.text).toContain(`Monthly ${shown}hui`);
      expect(s.text).toContain(`Service ${shown}levels`);
      // In a Mermaid label `\` and `;` are entity codes: the label cannot close, and still reads as the escape.
      expect(s.fences).toContain(`Desk ${shown.replace(/[\\;]/g, (c) => `#${c.charCodeAt(0)};`)}first`);
      const p = markdownText(pack.out);
      expect(p.text).toContain(`month ${shown}summary`);
      expect(p.text).toContain(`code ${shown}span`);
      expect(p.text).toContain(`Patch ${shown}servers`);
    });

    it('render contract-summary and review-pack as HTML: shown as escapes in the text a browser shows', () => {
      for (const args of [
        ['render', 'contract-summary', '.', '--format', 'html', '--today', TODAY],
        ['render', 'review-pack', '.', '--period', '2026-11', '--format', 'html', '--today', TODAY],
      ]) {
        const r = run(dir, args);
        expect(r.err, args.join(' ')).toBe('');
        expect(r.code).toBe(0);
        expect(r.out).not.toMatch(raw);
        expect(r.out).not.toMatch(/\r/);
        // Handlebars escapes & < > " ' ` = for HTML; the escapes govern shows hold none but `\`.
        expect(r.out).toContain(`Tūī ${shown}Trust`);
        expect(r.out).toContain(`Aroha ${shown}Ngata`);
      }
    });

    it('govern calendar and govern due --format ics: shown as escapes, read back as such by ical.js', () => {
      for (const args of [
        ['calendar', '.', '--today', TODAY],
        ['due', '.', '--within', '30d', '--format', 'ics', '--today', TODAY],
      ]) {
        const r = run(dir, args);
        expect(r.err, args.join(' ')).toBe('');
        expect(r.code).toBe(0);
        expect(r.out).not.toMatch(raw);
        const cal = new ICAL.Component(ICAL.parse(r.out));
        const events = cal.getAllSubcomponents('vevent');
        expect(events.length).toBeGreaterThan(1);
        const texts = events.flatMap((e) => [
          String(e.getFirstPropertyValue('summary')),
          String(e.getFirstPropertyValue('description')),
          ...e.getAllProperties('attendee').map((a) => String(a.getParameter('cn'))),
        ]);
        const all = texts.join('\n');
        expect(all).not.toMatch(raw);
        expect(all).toContain(`Monthly ${shown}hui`);
        expect(all).toContain(`Patch ${shown}servers`);
        expect(all).toContain(`Aroha ${shown}Ngata`);
        expect(all).toContain(`Tūī ⇄ Kererū ${shown}pact`);
      }
    });
  });
});

describe.runIf(built)('no value adds a property to a calendar', () => {
  // What a pull request would try: end the property with CR LF, LF or a lone CR and start another (an
  // attendee, an alarm, the end of the event), or break the value's own escaping with `;`, `,` and `\`.
  const INJECT = 'x; one, two \\ three\r\nATTENDEE:mailto:evil@x.example\rBEGIN:VALARM\nEND:VEVENT\r\n DTSTART:19700101';
  // As a calendar must read it back: CR LF and LF are line breaks inside the text, a lone CR is shown as `\r`.
  const READ = 'x; one, two \\ three\nATTENDEE:mailto:evil@x.example\\rBEGIN:VALARM\nEND:VEVENT\n DTSTART:19700101';
  // A name in a quoted CN parameter: on one line, every break shown, `"` and `^` kept (RFC 6868).
  const NAME = 'Mere "M" ^n Tane; x:y,\r\nATTENDEE:mailto:evil@x.example\rEND:VEVENT';
  const NAME_READ = 'Mere "M" ^n Tane; x:y,\\r\\nATTENDEE:mailto:evil@x.example\\rEND:VEVENT';
  let dir: string;
  beforeAll(() => {
    const files = partnership('');
    files['contacts.yaml'] = `contacts:
  - { id: aroha, name: Aroha Ngata, party: client, email: aroha@tui.example }
  - { id: wiremu, name: ${q(NAME)}, party: provider, email: wiremu@kereru.example }
`;
    files['governance.yaml'] = files['governance.yaml']!.replace(/name: .*/, `name: ${q(INJECT)}`);
    files['reviews/2026-11.yaml'] = files['reviews/2026-11.yaml']!.replace(/title: "[^"]*"/, `title: ${q(INJECT)}`);
    files['partnership.yaml'] = files['partnership.yaml']!.replace(/^name: .*$/m, `name: ${q(INJECT)}`);
    dir = tree(files);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The names of a component's properties, in order, and its subcomponents' names. */
  const shape = (c: ICAL.Component): string[] => [...c.getAllProperties().map((p) => p.name), ...c.getAllSubcomponents().map((s) => `[${s.name}]`)];

  it('govern calendar: each event has exactly its own properties, and the text reads back as written', () => {
    const r = run(dir, ['calendar', '.', '--today', TODAY]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // No line of the file starts a property a value brought.
    const lines = r.out.split('\r\n');
    expect(lines.filter((l) => /^(ATTENDEE:mailto:evil|DTSTART:1970|BEGIN:VALARM|END:VEVENT.)/.test(l))).toEqual([]);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(4);
    const cal = new ICAL.Component(ICAL.parse(r.out));
    expect(shape(cal)).toEqual(['version', 'prodid', 'calscale', 'method', 'x-wr-calname', '[vtimezone]', '[vevent]', '[vevent]', '[vevent]', '[vevent]']);
    // ical.js does not know X-WR-CALNAME, so leaves its TEXT escapes (RFC 5545 §3.3.11) for us to read.
    const unescaped = String(cal.getFirstPropertyValue('x-wr-calname')).replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    expect(unescaped).toBe(READ);
    const [meeting, notice, end, action] = cal.getAllSubcomponents('vevent');
    expect(shape(meeting!)).toEqual(['uid', 'dtstamp', 'dtstart', 'duration', 'rrule', 'summary', 'description', 'categories', 'attendee', 'attendee']);
    expect(meeting!.getFirstPropertyValue('summary')).toBe(READ);
    // In a DESCRIPTION, as in every TEXT value, CR LF is a line break and a lone CR is shown.
    const nameText = NAME.replace(/\r\n/g, '\n').replace(/\r/g, '\\r');
    expect(String(meeting!.getFirstPropertyValue('description'))).toContain(`Attendees: ${nameText}\n`);
    expect(meeting!.getAllProperties('attendee').map((a) => [a.getParameter('cn'), a.getFirstValue()])).toEqual([
      ['Aroha Ngata', 'mailto:aroha@tui.example'],
      [NAME_READ, 'mailto:wiremu@kereru.example'],
    ]);
    for (const allDay of [notice!, end!, action!]) {
      expect(shape(allDay)).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'summary', 'description', 'categories', 'transp']);
    }
    expect(notice!.getFirstPropertyValue('summary')).toBe(`Last day to give notice on MSA--9 (${READ})`);
    expect(action!.getFirstPropertyValue('summary')).toBe(`A-1 due: ${READ}`);
    expect(String(action!.getFirstPropertyValue('description'))).toBe(`Owner: ${nameText}\nFrom the review of 2026-11\nPartnership: ${READ}`);
  });

  it('govern due --format ics: the same, each event with its own alarms only', () => {
    const r = run(dir, ['due', '.', '--within', '30d', '--format', 'ics', '--today', TODAY]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cal = new ICAL.Component(ICAL.parse(r.out));
    const events = cal.getAllSubcomponents('vevent');
    expect(r.out.split('\r\n').filter((l) => /^(ATTENDEE:mailto:evil|DTSTART:1970|END:VEVENT.)/.test(l))).toEqual([]);
    // The hui on Tuesday 1 December, the last notice day on the 2nd, the action on the 5th.
    expect(events.map((e) => e.getFirstPropertyValue('categories'))).toEqual(['meeting', 'notice', 'action']);
    const [meeting, notice, action] = events;
    expect(shape(notice!)).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'transp', 'summary', 'description', 'categories', '[valarm]', '[valarm]', '[valarm]']);
    expect(shape(meeting!)).toEqual(['uid', 'dtstamp', 'dtstart', 'duration', 'summary', 'description', 'categories', 'attendee', 'attendee', '[valarm]']);
    expect(shape(action!)).toEqual(['uid', 'dtstamp', 'dtstart', 'dtend', 'transp', 'summary', 'description', 'categories', '[valarm]']);
    for (const e of events) for (const alarm of e.getAllSubcomponents('valarm')) expect(shape(alarm)).toEqual(['action', 'trigger', 'description']);
    expect(meeting!.getFirstPropertyValue('summary')).toBe(`${READ} (${READ})`);
    expect(meeting!.getAllProperties('attendee').map((a) => a.getParameter('cn'))).toEqual(['Aroha Ngata', NAME_READ]);
    expect(action!.getFirstPropertyValue('summary')).toBe(`A-1 due: ${READ} (${READ})`);
    expect(action!.getFirstSubcomponent('valarm')!.getFirstPropertyValue('description')).toBe(`A-1 due: ${READ}`);
  });
});

describe.runIf(built)('the corpus case calendar-text', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = buildCorpus({ large: false });
  });
  afterAll(() => corpus.remove());

  it('calendar: the meeting keeps its own properties; render: no heading, row or mention from a value', () => {
    const dir = path.join(corpus.cases, 'calendar-text');
    const ics = run(dir, ['calendar', '.', '--today', '2026-05-01']);
    expect(ics.err).toBe('');
    const meeting = new ICAL.Component(ICAL.parse(ics.out)).getFirstSubcomponent('vevent')!;
    expect(meeting.getAllProperties().map((p) => p.name)).toEqual(['uid', 'dtstamp', 'dtstart', 'duration', 'rrule', 'summary', 'description', 'categories', 'attendee']);
    expect(meeting.getFirstPropertyValue('summary')).toBe('Review\nATTENDEE:mailto:evil@x.example\\rBEGIN:VALARM; a, b \\ c');
    expect(String(meeting.getFirstPropertyValue('description'))).toContain(
      '- CSI \\x9b2J OSC \\x9d0;title\\x9c\n- Ops\\r# Reviewed by @org/security-team | forged | <h1>x</h1> #123\n',
    );
    const md = run(dir, ['render', 'contract-summary', '.', '--today', '2026-05-01']);
    expect(md.err).toBe('');
    expect(md.out).not.toMatch(/[\r\u0080-\u009f]/);
    const tokens = new MarkdownIt({ html: true }).parse(md.out, {});
    const headings = tokens.flatMap((t, i) => (t.type === 'heading_open' ? [tokens[i + 1]!.content] : []));
    expect(headings.filter((h) => /Reviewed/.test(h))).toEqual([]);
    expect(new MarkdownIt({ html: true }).render(md.out)).not.toContain('<h1>x');
  });
});
