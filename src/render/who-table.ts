import Table from 'cli-table3';
import { isoWeekday, plainDateParts } from '../time/civil.js';
import { DateTime } from '../time/zoned.js';
import type { Colors } from '../formatters/types.js';
import type { EscalationLadder } from '../sla/escalation.js';
import { safeStrings } from '../model/safe-text.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** One level as shown: in a table row, or as a list item on a narrow terminal. */
interface LevelRow {
  level: string;
  name: string;
  after: string;
  due: string;
  who: string[];
  reach: string[];
  covered: string;
}

/**
 * The terminal view of `govern who`: one table per escalation path, a row per level with when it is due,
 * who, how to reach them and whether they are covered at the moment asked about. Pure: colours are passed in.
 */
export function renderWhoTable(fromFiles: EscalationLadder, colors: Colors, width?: number): string {
  // Every name, number and id comes from the files: control characters in them are shown as escapes.
  const ladder = safeStrings(fromFiles);
  const out: string[] = [
    colors.bold(`${ladder.partnership} · ${ladder.service} ${ladder.priority} · at ${when(ladder.at)} (${ladder.timezone})`),
    ladder.calendarReadable
      ? colors.dim(`levels are due after working time on the \`${ladder.calendar}\` calendar`)
      : colors.yellow(
          `levels are due after working time on the \`${ladder.calendar}\` calendar, which is not in slas.yaml or cannot be read (run govern check): when each level is due is unknown`,
        ),
  ];
  if (ladder.paths.length === 0) {
    out.push(colors.red(`No escalation path applies to ${ladder.service} ${ladder.priority}: add one to escalation.yaml.`));
    return `${out.join('\n')}\n`;
  }
  for (const path of ladder.paths) {
    out.push(`path ${path.path}${path.name ? ` (${path.name})` : ''}`);
    const table = new Table({ head: ['#', 'Level', 'After', 'Due', 'Who', 'Reach', 'Covered now'], style: { head: [], border: [] } });
    const rows: LevelRow[] = [];
    for (const level of path.levels) {
      const who = level.contacts.map((c) => (c.name === null ? colors.red(`${c.id} (not in contacts.yaml)`) : `${c.name}${c.title ? `, ${c.title}` : ''}`));
      const reach = level.contacts.map((c) => [c.phone, c.email].filter((v): v is string => v !== null).join('\n') || '–');
      const covered =
        level.coverage === null
          ? colors.yellow('? (coverage not stated)')
          : level.covered === null
            ? colors.yellow(`? (${level.coverage} cannot be read)`)
            : level.covered
              ? colors.green(`yes (${level.coverage})`)
              : colors.red(`no (${level.coverage})${level.nextCovered ? `\nfrom ${when(level.nextCovered)}` : '\nnever'}`);
      const row = {
        level: String(level.level),
        name: level.name ?? '–',
        after: level.after ?? '–',
        due: level.due !== null ? when(level.due) : !ladder.calendarReadable || level.afterMinutes === null ? colors.yellow('?') : 'never',
        who: who.length > 0 ? who : ['–'],
        reach,
        covered,
      };
      rows.push(row);
      table.push([row.level, row.name, row.after, row.due, row.who.join('\n'), row.reach.join('\n'), row.covered]);
    }
    const text = table.toString();
    // On a terminal narrower than the table, a list per level reads better than a wrapped table.
    out.push(width !== undefined && visibleWidth(text) > width ? rows.map(listItem).join('\n') : text);
  }
  return `${out.join('\n')}\n`;
}

/** One level as a few short lines: what and when, who and how to reach them, whether they are covered. */
function listItem(row: LevelRow): string {
  const lines = [`${row.level}. ${row.name} · after ${row.after} · due ${row.due}`];
  row.who.forEach((person, i) => void lines.push(`   ${person}${row.reach[i] && row.reach[i] !== '–' ? `: ${row.reach[i]!.split('\n').join(', ')}` : ''}`));
  lines.push(`   covered now: ${row.covered.split('\n').join(', ')}`);
  return lines.join('\n');
}

/** The widest line of a text as the terminal shows it (colour codes take no room). */
function visibleWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return Math.max(...text.split('\n').map((line) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length));
}

/** `Mon 2026-10-05 09:42 +02:00`, with English day names whatever the machine's locale. */
export function when(isoText: string): string {
  // The text `iso()` writes (src/sla/escalation.ts) is read by its fields; any other text by luxon.
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}):\d{2}(?:\.\d{3})?(?:Z|([+-]\d{2}:\d{2}))$/.exec(isoText);
  if (m && plainDateParts(`${m[1]}-${m[2]}-${m[3]}`) !== undefined && m[4]! < '24' && m[5] !== '-00:00') {
    return `${WEEKDAYS[isoWeekday(Number(m[1]), Number(m[2]), Number(m[3])) - 1]} ${m[1]}-${m[2]}-${m[3]} ${m[4]} ${m[5] ?? '+00:00'}`;
  }
  const t = DateTime.fromISO(isoText, { setZone: true });
  return `${WEEKDAYS[t.weekday - 1]} ${t.toFormat('yyyy-MM-dd HH:mm')} ${t.toFormat('ZZ')}`;
}
