import type Handlebars from 'handlebars';
import { type Rag, ragStatus } from '../sla/rag.js';
import { escapeMermaid } from './escape.js';
import { addDays, daysBetween, formatDate, formatMinutes, formatMoney, formatNumber, formatPercent, formatPeriod, formatRelativeDays } from './format.js';
import { richTextToHtml, richTextToMarkdown } from './rich-text.js';

const RAG_WORDS: Record<Rag, string> = { green: 'met', amber: 'at risk', red: 'missed' };
const RAG_ICONS: Record<Rag, string> = { green: '🟢', amber: '🟠', red: '🔴' };
const OPS = new Map([
  ['>=', '≥'],
  ['>', '>'],
  ['<=', '≤'],
  ['<', '<'],
  ['==', '='],
]);

type HelperFn = (...args: unknown[]) => unknown;

/** Drops Handlebars' options object, which it passes last to every helper. */
export function plain(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

function ragOf(value: unknown): Rag | null {
  return value === 'green' || value === 'amber' || value === 'red' ? value : null;
}

/**
 * Every helper, the same in both formats. Helpers only format: the numbers
 * arrive computed. They return plain strings, which the template then escapes
 * for its format (except `mermaid`, which escapes for a Mermaid label itself).
 *
 * Each helper carries its documentation here and nowhere else: what it gives,
 * `@usage` (its name and arguments) and `@example` (a template, `→`, what it
 * renders). `scripts/helpers-doc.mjs` writes the table in docs/rendering.md
 * from these comments (`npm run build` runs it; a test fails when the table is
 * stale), and test/render/helpers.test.ts renders every example and compares.
 * Comments do not reach the bundle. The examples run with this context:
 *
 * @exampleContext {"kpi": {"target": {"op": ">=", "value": 99.9, "warn": 99.5}}, "names": ["Ann", "Bo"]}
 */
export function helpers(hb: typeof Handlebars, format: 'md' | 'html' = 'md'): Record<string, HelperFn> {
  return {
    /**
     * A date; styles `long` (default), `short`, `weekday`.
     * @usage date d [style]
     * @example {{date "2026-12-01" "short"}} → 1 Dec 2026
     */
    date: (...a) => {
      const [value, style] = plain(a);
      return formatDate(value, style === 'short' || style === 'weekday' ? style : 'long');
    },
    /**
     * An instant as its wall clock is written in the file (no zone conversion).
     * @usage instant i
     * @example {{instant "2026-10-25T02:52:00+02:00"}} → 25 Oct 2026, 02:52
     */
    instant: (...a) => formatInstant(plain(a)[0]),
    /**
     * Minutes as hours and minutes.
     * @usage duration minutes
     * @example {{duration 258}} → 4h 18m
     */
    duration: (...a) => formatMinutes(plain(a)[0]),
    /**
     * A percentage, cut (not rounded) to `digits` (default 1).
     * @usage percent v [digits]
     * @example {{percent 99.9219 3}} → 99.921 %
     */
    percent: (...a) => {
      const [value, digits] = plain(a);
      return formatPercent(value, typeof digits === 'number' ? digits : 1);
    },
    /**
     * A number with thousands separators and up to `digits` (default 2) decimals.
     * @usage number v [digits]
     * @example {{number 12400.5}} → 12,400.5
     */
    number: (...a) => {
      const [value, digits] = plain(a);
      return formatNumber(value, typeof digits === 'number' ? digits : 2);
    },
    /**
     * An amount of money, two decimals, with its currency.
     * @usage money a cur
     * @example {{money 12400 "EUR"}} → 12,400.00 EUR
     */
    money: (...a) => {
      const [amount, currency] = plain(a);
      return formatMoney(amount, currency);
    },
    /**
     * Like `money`, with a sign also when positive (a difference).
     * @usage signedMoney a cur
     * @example {{signedMoney 400 "EUR"}} → +400.00 EUR
     */
    signedMoney: (...a) => {
      const [amount, currency] = plain(a);
      return formatMoney(amount, currency, true);
    },
    /**
     * A KPI value with its unit (`no data` without a value).
     * @usage measure v unit [digits]
     * @example {{measure 4.42 "points" 1}} → 4.4 points
     */
    measure: (...a) => {
      const [value, unit, digits] = plain(a);
      if (typeof value !== 'number') return 'no data';
      const d = typeof digits === 'number' ? digits : 2;
      if (unit === '%') return formatPercent(value, d);
      return `${formatNumber(value, d)}${typeof unit === 'string' && unit !== '' && unit !== 'score' ? ` ${unit}` : ''}`;
    },
    /**
     * A KPI target (`{ op, value, warn }`) with its unit (`no target` without one).
     * @usage target t unit [digits]
     * @example {{target kpi.target "%"}} → ≥ 99.9 % (amber from 99.5 %)
     */
    target: (...a) => {
      const [target, unit, digits] = plain(a) as [{ op?: unknown; value?: unknown; warn?: unknown } | null, unknown, unknown];
      if (!target || typeof target.value !== 'number') return 'no target';
      const d = typeof digits === 'number' ? digits : 2;
      const show = (n: number): string =>
        unit === '%' ? formatPercent(n, Math.max(d, 2)) : `${formatNumber(n, d)}${typeof unit === 'string' && unit !== '' && unit !== 'score' ? ` ${unit}` : ''}`;
      const warn = typeof target.warn === 'number' ? ` (amber from ${show(target.warn)})` : '';
      return `${OPS.get(String(target.op)) ?? '≥'} ${show(target.value)}${warn}`;
    },
    /**
     * A period label in words; style `long` (default) or `short`.
     * @usage period label [style]
     * @example {{period "2026-Q3" "short"}} → Q3 2026
     */
    period: (...a) => {
      const [label, style] = plain(a);
      return formatPeriod(String(label ?? ''), style === 'short' ? 'short' : 'long');
    },
    /**
     * A trend (`better`, `worse`, `same`) as an arrow and a word; `–` for anything else.
     * @usage trend direction
     * @example {{trend "better"}} → ▲ better
     */
    trend: (...a) => {
      const [direction] = plain(a);
      return direction === 'better' ? '▲ better' : direction === 'worse' ? '▼ worse' : direction === 'same' ? '● unchanged' : '–';
    },
    /**
     * How far a date is from today, given in days.
     * @usage relativeDays n
     * @example {{relativeDays 16}} → in 16 days
     */
    relativeDays: (...a) => {
      const [days] = plain(a);
      return typeof days === 'number' ? formatRelativeDays(days) : '';
    },
    /**
     * Calendar days from one date to another.
     * @usage daysFrom a b
     * @example {{daysFrom "2026-11-15" "2026-12-01"}} → 16
     */
    daysFrom: (...a) => {
      const [from, to] = plain(a);
      return typeof from === 'string' && typeof to === 'string' ? daysBetween(from, to) : null;
    },
    /**
     * A date `n` calendar days later (earlier when negative).
     * @usage addDays d n
     * @example {{addDays "2026-12-30" 3}} → 2027-01-02
     */
    addDays: (...a) => {
      const [date, days] = plain(a);
      return typeof date === 'string' && typeof days === 'number' ? addDays(date, days) : '';
    },
    /**
     * The status of a value against a target: `red`, `amber`, `green` or `none`.
     * @usage rag value target
     * @example {{rag 99.92 99.95}} → red
     */
    rag: (...a) => {
      const [value, target] = plain(a);
      return ragStatus(typeof value === 'number' ? value : null, typeof target === 'number' ? target : null) ?? 'none';
    },
    /**
     * A status in words: `met`, `at risk`, `missed`, `no data`.
     * @usage ragWord r
     * @example {{ragWord "red"}} → missed
     */
    ragWord: (...a) => {
      const rag = ragOf(plain(a)[0]);
      return rag ? RAG_WORDS[rag] : 'no data';
    },
    /**
     * A status as a coloured dot (`⚪` without one).
     * @usage ragIcon r
     * @example {{ragIcon "red"}} → 🔴
     */
    ragIcon: (...a) => {
      const rag = ragOf(plain(a)[0]);
      return rag ? RAG_ICONS[rag] : '⚪';
    },
    /**
     * A status as a CSS class name: `red`, `amber`, `green` or `none`.
     * @usage ragClass r
     * @example {{ragClass "purple"}} → none
     */
    ragClass: (...a) => ragOf(plain(a)[0]) ?? 'none',
    /**
     * Whether two values are the same (for `#if`).
     * @usage eq x y
     * @example {{#if (eq 1 1)}}same{{/if}} → same
     */
    eq: (...a) => {
      const [x, y] = plain(a);
      return x === y;
    },
    /**
     * Whether one number is greater than another.
     * @usage gt x y
     * @example {{#if (gt 3 2)}}more{{/if}} → more
     */
    gt: (...a) => {
      const [x, y] = plain(a);
      return typeof x === 'number' && typeof y === 'number' && x > y;
    },
    /**
     * Whether one number is less than another.
     * @usage lt x y
     * @example {{#if (lt 3 2)}}less{{else}}not less{{/if}} → not less
     */
    lt: (...a) => {
      const [x, y] = plain(a);
      return typeof x === 'number' && typeof y === 'number' && x < y;
    },
    /**
     * Whether a value is given (not `null`; `0` and `""` are given).
     * @usage present x
     * @example {{#if (present 0)}}given{{/if}} → given
     */
    present: (...a) => {
      const [x] = plain(a);
      return x !== null && x !== undefined;
    },
    /**
     * Whether every argument is true.
     * @usage and x y …
     * @example {{#if (and true 1 "yes")}}all{{/if}} → all
     */
    and: (...a) => plain(a).every(Boolean),
    /**
     * Whether any argument is true.
     * @usage or x y …
     * @example {{#if (or false 0 "yes")}}one{{/if}} → one
     */
    or: (...a) => plain(a).some(Boolean),
    /**
     * The opposite of a condition.
     * @usage not x
     * @example {{#if (not false)}}no{{/if}} → no
     */
    not: (...a) => !plain(a)[0],
    /**
     * A number negated.
     * @usage neg x
     * @example {{neg 3}} → -3
     */
    neg: (...a) => {
      const [x] = plain(a);
      return typeof x === 'number' ? -x : x;
    },
    /**
     * A number minus one.
     * @usage dec x
     * @example {{dec 3}} → 2
     */
    dec: (...a) => {
      const [x] = plain(a);
      return typeof x === 'number' ? x - 1 : x;
    },
    /**
     * A number plus one (to count from 1 in an `#each`).
     * @usage inc x
     * @example {{inc 3}} → 4
     */
    inc: (...a) => {
      const [x] = plain(a);
      return typeof x === 'number' ? x + 1 : x;
    },
    /**
     * A list joined with a separator (default `, `).
     * @usage join list [sep]
     * @example {{join names " and "}} → Ann and Bo
     */
    join: (...a) => {
      const [list, sep] = plain(a);
      return Array.isArray(list) ? list.map((v) => String(v ?? '')).join(typeof sep === 'string' ? sep : ', ') : '';
    },
    /**
     * A count with its noun, plural unless the count is 1 (`many` defaults to `one` + `s`).
     * @usage plural n one [many]
     * @example {{plural 2 "entry" "entries"}} → 2 entries
     */
    plural: (...a) => {
      const [n, one, many] = plain(a);
      return `${String(n)} ${n === 1 ? String(one) : String(many ?? `${String(one)}s`)}`;
    },
    /**
     * Text in capitals.
     * @usage upper text
     * @example {{upper "eur"}} → EUR
     */
    upper: (...a) => String(plain(a)[0] ?? '').toUpperCase(),
    /**
     * Text with its first letter in capitals.
     * @usage capitalize text
     * @example {{capitalize "at risk"}} → At risk
     */
    capitalize: (...a) => {
      const s = String(plain(a)[0] ?? '');
      return s.charAt(0).toUpperCase() + s.slice(1);
    },
    /**
     * A value, or the fallback when it is absent or empty.
     * @usage default value fallback
     * @example {{default "" "not stated"}} → not stated
     */
    default: (...a) => {
      const [value, fallback] = plain(a);
      return value === null || value === undefined || value === '' ? fallback : value;
    },
    /**
     * Free text that may hold Markdown (a review's `summary`): a safe subset
     * (src/render/rich-text.ts) rebuilt for the document's format, every other
     * character escaped; raw HTML in the text is shown as text (the example
     * is Markdown's; in HTML it gives `<p><strong>late</strong> &lt;b&gt;</p>`).
     * @usage richText text
     * @example {{richText "**late** <b>"}} → **late** \<b\>
     */
    richText: (...a) => {
      const text = String(plain(a)[0] ?? '');
      return new hb.SafeString(format === 'html' ? richTextToHtml(text) : richTextToMarkdown(text));
    },
    /**
     * Text escaped for inside a Mermaid `["…"]` label (already escaped, so passed through as is).
     * @usage mermaid text
     * @example {{mermaid "Acme & Co"}} → Acme #38; Co
     */
    mermaid: (...a) => new hb.SafeString(escapeMermaid(String(plain(a)[0] ?? ''))),
  };
}

/** `2026-10-25T02:52:00+02:00` → `25 Oct 2026, 02:52` (the wall clock as written in the file). */
export function formatInstant(value: unknown): string {
  if (typeof value !== 'string') return '';
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})/.exec(value);
  return m ? `${formatDate(m[1], 'short')}, ${m[2]}` : value;
}
