import { UsageError } from '../../model/errors.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { makeColors, wantsColor } from '../shared.js';
import type { WhoFlags } from '../commands/who.js';

/** The work behind `govern who`: loaded only when the command runs. */
export async function runWho(io: Io, input: string, flags: WhoFlags): Promise<number> {
  const [{ loadWorkspace }, { selectOnePartnership }, { buildEscalationLadder }, { partnershipZone }] = await Promise.all([
    import('../checked-workspace.js'),
    import('../select-partnership.js'),
    import('../../sla/escalation.js'),
    import('../../sla/from-workspace.js'),
  ]);
  const workspace = await loadWorkspace(io, [input]);
  const index = selectOnePartnership(workspace, flags.partnership, '`govern who`');

  const services = [...new Set(index.services.map((s) => s.value.id).filter((id): id is string => typeof id === 'string'))];
  if (flags.service === undefined || !services.includes(flags.service)) {
    const what = flags.service === undefined ? 'which service? pass --service <id>' : `no service \`${flags.service}\` in ${index.root}/slas.yaml`;
    throw new UsageError(`${what}; the services are: ${services.join(', ') || '(none: slas.yaml lists no services)'}`);
  }
  const priorities = index.priorities.filter((p) => p.service.value.id === flags.service).map((p) => String(p.value.id));
  if (flags.priority === undefined || !priorities.includes(flags.priority)) {
    const what = flags.priority === undefined ? 'which priority? pass --priority <p>' : `service \`${flags.service}\` has no priority \`${flags.priority}\``;
    throw new UsageError(`${what}; its priorities are: ${priorities.join(', ') || '(none)'}`);
  }
  const zone = partnershipZone(index);
  const at = flags.at === undefined ? io.now() : await parseAt(flags.at, zone);
  const ladder = buildEscalationLadder(index, { service: flags.service, priority: flags.priority, at });

  if (flags.format === 'json') {
    const { safeJson } = await import('../../model/safe-text.js');
    io.stdout.write(`${safeJson(JSON.stringify(ladder, null, 2))}\n`);
  } else {
    const { renderWhoTable } = await import('../../render/who-table.js');
    const { safeOutput } = await import('../../model/safe-text.js');
    const colorOn = wantsColor(flags, io);
    io.stdout.write(safeOutput(renderWhoTable(ladder, await makeColors(colorOn, io), io.stdoutColumns), colorOn));
  }
  // Nobody to call is a gap in the contract, not a usage mistake: it fails like a finding.
  return ladder.paths.length === 0 ? ExitCode.Findings : ExitCode.Ok;
}

/** `--at`: an RFC 3339 instant, or a local date-time read in the partnership's zone. */
async function parseAt(text: string, zone: string): Promise<number> {
  const [{ parseInstant }, { DateTime }] = await Promise.all([import('../../sla/interval.js'), import('../../time/zoned.js')]);
  const instant = parseInstant(text);
  if (instant !== null) return instant;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$/.test(text)) {
    const local = DateTime.fromISO(text.replace(' ', 'T'), { zone });
    if (local.isValid) {
      // When the clocks go back, a wall-clock time happens twice, an hour apart: Luxon would silently take the
      // second, and every due time would move by an hour. Ask for the offset instead.
      const readings = local.getPossibleOffsets();
      if (readings.length > 1) {
        const [first, second] = [...readings].sort((a, b) => a.toMillis() - b.toMillis()).map((r) => r.toISO({ suppressMilliseconds: true }));
        throw new UsageError(
          `--at ${text} happens twice in ${zone} (the clocks go back that night); give the offset: ${first} (the first time) or ${second} (an hour later)`,
        );
      }
      return local.toMillis();
    }
  }
  throw new UsageError(`--at takes an instant such as 2026-10-05T09:12:00+02:00 (or 2026-10-05T09:12 in the partnership's time zone, ${zone}); got \`${text}\``);
}
