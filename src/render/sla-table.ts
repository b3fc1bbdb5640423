import Table from 'cli-table3';
import type { Colors } from '../formatters/types.js';
import type { Rag } from '../sla/rag.js';
import type { SlaReport } from '../sla/report.js';
import { RAG_WORDS, buildSlaView } from './sla-view.js';
import { safeStrings } from '../model/safe-text.js';

/**
 * The terminal view of SLA reports: per partnership, an availability table and a per-priority table,
 * each value coloured red/amber/green against its target (and the status spelt out, for no colour),
 * then the credits owed. Pure: colours are passed in. Loaded only by `govern sla --format table`.
 */
export function renderSlaTable(reports: readonly SlaReport[], colors: Colors): string {
  const blocks: string[] = [];
  for (const report of reports) {
    // Ids and names come from the files: control characters in them are shown as escapes.
    const view = safeStrings(buildSlaView(report));
    const paint = (rag: Rag | null, text: string): string =>
      rag === 'red' ? colors.red(text) : rag === 'amber' ? colors.yellow(text) : rag === 'green' ? colors.green(text) : text;
    const lines: string[] = [colors.bold(`${view.partnership} · ${view.period}`), ...view.notes];
    if (view.availability.length > 0) {
      const table = newTable(['Service', 'Availability', 'Target', 'Status', 'Downtime', 'Credit owed']);
      for (const r of view.availability) {
        table.push([r.service, paint(r.rag, r.availability), r.target, paint(r.rag, r.rag ? RAG_WORDS[r.rag] : 'n/a'), r.downtime, r.credit]);
      }
      lines.push(table.toString());
    }
    if (view.priorities.length > 0) {
      const table = newTable(['Service', 'Priority', 'Incidents', 'Met', 'Breached', 'Open', 'Compliance', 'Target', 'Status']);
      for (const r of view.priorities) {
        table.push([
          r.service,
          r.priority,
          r.incidents,
          r.met,
          r.breached.length === 0 ? '–' : colors.red(r.breached.join(', ')),
          r.open.length === 0 ? '–' : r.open.join(', '),
          paint(r.rag, r.compliance),
          r.target,
          paint(r.rag, r.rag ? RAG_WORDS[r.rag] : 'n/a'),
        ]);
      }
      lines.push(table.toString());
    }
    lines.push(view.creditsOwed.length === 0 ? 'Credits owed: none' : `Credits owed: ${colors.bold(view.creditsOwed.join(', '))}`);
    blocks.push(lines.join('\n'));
  }
  return `${blocks.join('\n\n')}\n`;
}

function newTable(head: string[]): Table.Table {
  // cli-table3 colours heads and borders on its own; govern decides colour, so its styles are emptied.
  return new Table({ head, style: { head: [], border: [] }, wordWrap: true });
}
