import { readInstant, monthOf } from '../time/local-text.js';
import { UsageError } from '../model/errors.js';
import { isString } from '../model/guards.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import { partnershipZone } from '../sla/from-workspace.js';
import { text, type Answers, type Choice, type Question } from './questions.js';
import { validateChoice } from './validate.js';

/** One entry to append to a measurements file (the same shape as add-entries' Edit). */
interface MeasurementEdit {
  relPath: string;
  path: (string | number)[];
  entry: unknown;
  create: string;
}

function services(index: PartnershipIndex): Choice[] {
  const list = index.services.filter((s) => isString(s.value.id)).map((s) => ({ value: s.value.id!, name: `${s.value.id}${s.value.name ? ` (${s.value.name})` : ''}` }));
  if (list.length === 0) throw new UsageError('slas.yaml has no service yet; add one first (govern add service)');
  return list;
}

/** A time question: an instant with its offset, or a local time read in the partnership's zone (the rules of `govern import`). */
function time(name: string, message: string, zone: string, optional: boolean, after?: string): Question {
  return {
    name,
    flag: `--${name} <time>`,
    message: `${message} (2026-10-05T09:12:00+02:00, or 2026-10-05 09:12 in ${zone})${optional ? ', optional' : ''}`,
    kind: 'text',
    optional,
    validate: (v, a) => {
      if (v === '' && optional) return true;
      const r = readInstant(v.replace(' ', 'T'), zone);
      if (!r.ok) return r.why;
      if (after !== undefined && text(a, after) !== '') {
        const start = readInstant(text(a, after).replace(' ', 'T'), zone);
        if (start.ok && r.ms < start.ms) return `${r.text} is before ${after} ${start.text}`;
      }
      return true;
    },
  };
}

/** The instant as it is written: RFC 3339 with the offset the zone has then. */
function instant(a: Answers, name: string, zone: string): string | undefined {
  const v = text(a, name);
  if (v === '') return undefined;
  const r = readInstant(v.replace(' ', 'T'), zone);
  return r.ok ? r.text : undefined;
}

function monthFile(index: PartnershipIndex, ms: number, zone: string): { relPath: string; month: string } {
  const month = monthOf(ms, zone);
  const existing = index.measurements.find((m) => m.period?.label === month);
  return { relPath: existing?.file.relPath ?? `measurements/${month}.yaml`, month };
}

/** `govern add incident`: one incident typed by hand, into the file of the month it opened in. */
export function planIncident(index: PartnershipIndex): { questions: Question[]; build(a: Answers): MeasurementEdit[] } {
  const zone = partnershipZone(index);
  const choices = services(index);
  const taken = new Set(index.measurements.flatMap((m) => (m.data?.incidents ?? []).map((i) => String(i?.id))));
  const priorities = (a: Answers): Choice[] =>
    (index.services.find((s) => s.value.id === text(a, 'service'))?.value.priorities ?? []).filter((p) => isString(p.id)).map((p) => ({ value: p.id!, name: p.id! }));
  return {
    questions: [
      {
        name: 'id',
        flag: '--id <id>',
        message: 'Incident id, as your ticket tool writes it (INC-1042)',
        kind: 'text',
        validate: (v) => (v.trim() === '' ? 'an id is needed, such as INC-1042' : taken.has(v) ? `\`${v}\` is already in measurements/` : true),
      },
      {
        name: 'service',
        flag: '--service <id>',
        message: 'Service',
        kind: 'select',
        choices: () => choices,
        default: () => choices[0]?.value,
        validate: (v) =>
          validateChoice(
            v,
            choices.map((c) => c.value),
          ),
      },
      {
        name: 'priority',
        flag: '--priority <id>',
        message: 'Priority',
        kind: 'select',
        choices: priorities,
        default: (a) => priorities(a)[0]?.value,
        validate: (v, a) =>
          validateChoice(
            v,
            priorities(a).map((c) => c.value),
          ),
      },
      time('opened', 'Opened', zone, false),
      time('responded', 'First response', zone, true, 'opened'),
      time('resolved', 'Resolved', zone, true, 'opened'),
    ],
    build: (a) => {
      const opened = readInstant(text(a, 'opened').replace(' ', 'T'), zone);
      if (!opened.ok) throw new UsageError(opened.why);
      const { relPath, month } = monthFile(index, opened.ms, zone);
      const entry = Object.fromEntries(
        Object.entries({
          id: text(a, 'id'),
          service: text(a, 'service'),
          priority: text(a, 'priority'),
          opened: opened.text,
          responded: instant(a, 'responded', zone),
          resolved: instant(a, 'resolved', zone),
        }).filter(([, v]) => v !== undefined),
      );
      return [{ relPath, path: ['incidents'], entry, create: `# What happened in ${month}.\nperiod: ${month}\n` }];
    },
  };
}

/** `govern add downtime`: one outage typed by hand, into the file of the month it started in. */
export function planDowntime(index: PartnershipIndex): { questions: Question[]; build(a: Answers): MeasurementEdit[] } {
  const zone = partnershipZone(index);
  const choices = services(index);
  return {
    questions: [
      {
        name: 'service',
        flag: '--service <id>',
        message: 'Service',
        kind: 'select',
        choices: () => choices,
        default: () => choices[0]?.value,
        validate: (v) =>
          validateChoice(
            v,
            choices.map((c) => c.value),
          ),
      },
      time('from', 'Down from', zone, false),
      time('to', 'Up again at', zone, false, 'from'),
      {
        name: 'planned',
        flag: '--planned <yes|no>',
        message: 'Planned (announced maintenance)?',
        kind: 'select',
        choices: () => [
          { value: 'no', name: 'no' },
          { value: 'yes', name: 'yes' },
        ],
        default: () => 'no',
        validate: (v) => validateChoice(v, ['yes', 'no']),
      },
      { name: 'note', flag: '--note <text>', message: 'What happened (optional)', kind: 'text', optional: true },
    ],
    build: (a) => {
      const from = readInstant(text(a, 'from').replace(' ', 'T'), zone);
      if (!from.ok) throw new UsageError(from.why);
      const { relPath, month } = monthFile(index, from.ms, zone);
      const note = text(a, 'note');
      const entry = { service: text(a, 'service'), from: from.text, to: instant(a, 'to', zone), planned: text(a, 'planned') === 'yes', ...(note !== '' ? { note } : {}) };
      return [{ relPath, path: ['downtime'], entry, create: `# What happened in ${month}.\nperiod: ${month}\n` }];
    },
  };
}
