import { safeJson, safeText as visible } from '../model/safe-text.js';
import { displayWidth } from '../formatters/stylish.js';
import { foldLine, text, vtimezone } from '../render/icalendar.js';
import { attendeeLines } from '../render/people.js';
import { addDaysToDate } from '../time/instant.js';
import type { DueItem } from './due.js';

/** Days before an item's date that its calendar reminders go off: the last notice day gets three, the rest one; meetings remind 15 minutes ahead. */
export const REMINDERS: Readonly<Record<DueItem['kind'], readonly string[]>> = {
  notice: ['-P30D', '-P7D', '-P1D'],
  waiver: ['-P7D'],
  action: ['-P1D'],
  risk: ['-P1D'],
  meeting: ['-PT15M'],
};

/** When, in words: `overdue 3d`, `today`, `in 5d`. */
function when(item: DueItem): string {
  if (item.days < 0) return `overdue ${-item.days}d`;
  return item.days === 0 ? 'today' : `in ${item.days}d`;
}

/** A plain table for people, one row per item; file text is shown with control characters escaped. */
export function formatDueTable(items: readonly DueItem[], days: number): string {
  if (items.length === 0) return `nothing due in the next ${days} days\n`;
  const rows = [
    ['date', 'when', 'kind', 'what', 'partnership', 'who', 'where'],
    ...items.map((i) => [
      `${i.date}${i.time ? ` ${i.time}` : ''}`,
      when(i),
      i.kind,
      visible(i.title),
      visible(i.partnership),
      visible(i.people.map((p) => p.name).join(', ') || '-'),
      visible(`${i.file}:${i.line}`),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]!))));
  const MAX = 60;
  const cell = (value: string, c: number): string => {
    const width = Math.min(widths[c]!, MAX);
    // The last column (file:line) is never cut: it says where to look.
    if (c === rows[0]!.length - 1) return value;
    const cut = displayWidth(value) > MAX ? `${[...value].slice(0, MAX - 1).join('')}…` : value;
    return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
  };
  const overdue = items.filter((i) => i.overdue).length;
  const lines = rows.map((r) => r.map(cell).join('  ').trimEnd());
  lines.push('', `${items.length} ${items.length === 1 ? 'item' : 'items'} in the next ${days} days${overdue > 0 ? `, ${overdue} already overdue` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** `{ within, items }`: the items as data, for scripts. */
export function formatDueJson(items: readonly DueItem[], days: number): string {
  return `${safeJson(JSON.stringify({ within: `${days}d`, items }, null, 2))}\n`;
}

/**
 * An iCalendar file (RFC 5545) of the items: meetings as timed events in
 * their own zone (with a VTIMEZONE) carrying ATTENDEE for each person with an
 * e-mail, everything else as all-day events; each with VALARM reminders
 * ahead of it (REMINDERS). Stamped with `stampDate`, so the same files and
 * day give the same bytes. Pure.
 */
export function formatDueIcs(items: readonly DueItem[], options: { stampDate: string; version: string }): string {
  const stamp = `${options.stampDate.replaceAll('-', '')}T000000Z`;
  const lines: [string, string][] = [
    ['BEGIN', 'VCALENDAR'],
    ['VERSION', '2.0'],
    ['PRODID', `-//govern//govern ${options.version} due//EN`],
    ['CALSCALE', 'GREGORIAN'],
    ['METHOD', 'PUBLISH'],
    ['X-WR-CALNAME', 'govern: due'],
  ];
  const zones = new Map<string, number>();
  for (const i of items) if (i.timezone) zones.set(i.timezone, Math.min(zones.get(i.timezone) ?? Infinity, Number(i.date.slice(0, 4))));
  for (const [zone, year] of [...zones].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(...vtimezone(zone, year));
  for (const i of items) {
    const description = [
      i.people.length > 0 ? `Who: ${i.people.map((p) => p.name).join(', ')}` : '',
      `Partnership: ${i.partnershipName}`,
      `Written in ${i.file}:${i.line}`,
    ].filter(Boolean);
    lines.push(['BEGIN', 'VEVENT'], ['UID', uid(i)], ['DTSTAMP', stamp]);
    if (i.time && i.timezone) {
      lines.push([`DTSTART;TZID=${i.timezone}`, `${i.date.replaceAll('-', '')}T${i.time.replace(':', '')}00`], ['DURATION', `PT${i.minutes ?? 60}M`]);
    } else {
      lines.push(
        ['DTSTART;VALUE=DATE', i.date.replaceAll('-', '')],
        ['DTEND;VALUE=DATE', (addDaysToDate(i.date, 1) ?? i.date).replaceAll('-', '')],
        ['TRANSP', 'TRANSPARENT'],
      );
    }
    lines.push(['SUMMARY', text(`${i.title} (${i.partnershipName})`)], ['DESCRIPTION', text(description.join('\n'))], ['CATEGORIES', text(i.kind)]);
    if (i.kind === 'meeting') lines.push(...attendeeLines(i.people, i.chair));
    for (const trigger of REMINDERS[i.kind]) {
      lines.push(['BEGIN', 'VALARM'], ['ACTION', 'DISPLAY'], ['TRIGGER', trigger], ['DESCRIPTION', text(i.title)], ['END', 'VALARM']);
    }
    lines.push(['END', 'VEVENT']);
  }
  lines.push(['END', 'VCALENDAR']);
  return lines.map(([n, v]) => foldLine(`${n}:${v}`)).join('');
}

/** The same item gets the same UID every run: partnership, kind, id and date. */
function uid(i: DueItem): string {
  const safe = (s: string): string =>
    [...new TextEncoder().encode(s)]
      .map((b) => (/[A-Za-z0-9.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');
  return `${safe(i.partnership)}.${i.kind}.${safe(i.id)}.${i.date.replaceAll('-', '')}@govern-due`;
}
