import { Argument, Command } from 'commander';
import type { Io } from '../io.js';
import { addSharedOptions, type SharedOptions } from '../shared.js';

/** Every flag of `add`, across kinds; each kind accepts those of its own questions (a test holds them equal). */
export const ADD_FLAGS: readonly (readonly [string, string])[] = [
  ['--id <id>', 'id of the new entry (default: made from its name or title)'],
  ['--name <name>', 'contact, KPI or service name'],
  ['--title <text>', "risk or action title; a contact's job title"],
  ['--party <party>', 'contact: client or provider'],
  ['--email <email>', 'contact: e-mail'],
  ['--phone <phone>', 'contact: phone, + and 7–15 digits'],
  ['--timezone <zone>', 'contact: IANA time zone'],
  ['--hours <calendar>', 'contact: calendar id or 24x7'],
  ['--likelihood <1-5>', 'risk: likelihood'],
  ['--impact <1-5>', 'risk: impact'],
  ['--owner <contact>', 'risk, action or waiver: owner, a contact id'],
  ['--mitigation <text>', 'risk: mitigation (needed from a score of 15)'],
  ['--contingency <text>', 'risk: contingency (needed from a score of 15)'],
  ['--status <status>', 'risk: open|mitigating|closed; action: open|done|dropped'],
  ['--review-by <date>', 'risk: review date'],
  ['--review <period>', 'action: the review record (period) it belongs to; a new one is created if needed'],
  ['--due <date>', 'action: due date'],
  ['--objective <id>', 'kpi: the objective it measures'],
  ['--unit <unit>', 'kpi: unit'],
  ['--op <op>', 'kpi: >=, >, <=, < or =='],
  ['--value <number>', 'kpi: target value'],
  ['--source <source>', 'kpi: measured, sla:<service>.availability or sla:<service>.<priority>'],
  ['--profile <profile>', 'service: SLA profile, platform-24x7 or desk-business-hours'],
  ['--calendar <calendar>', 'service: business-hours calendar'],
  ['--first-line <contact>', 'service: first escalation level'],
  ['--on-call <contact>', 'service: on-call duty manager (24x7 profile)'],
  ['--escalation-lead <contact>', 'service: last escalation level'],
  ['--service <id>', 'incident or downtime: the service'],
  ['--priority <id>', "incident: one of the service's priorities"],
  ['--opened <time>', "incident: opened, with its offset or a local time in the partnership's zone"],
  ['--responded <time>', 'incident: first response'],
  ['--resolved <time>', 'incident: resolved'],
  ['--from <time>', 'downtime: down from'],
  ['--to <time>', 'downtime: up again at'],
  ['--planned <yes|no>', 'downtime: announced maintenance (not counted against availability)'],
  ['--note <text>', 'downtime: what happened'],
  ['--rule <id>', 'waiver: the rule of the finding waived'],
  ['--file <file>', 'waiver: only findings in this file (inside the partnership folder)'],
  ['--at <place>', 'waiver: only findings at this id or YAML path (paths.0.levels.2)'],
  ['--reason <text>', 'waiver: why the finding is accepted'],
  ['--expires <date>', 'waiver: the last day it applies, at most a year ahead'],
];

export interface AddFlags extends SharedOptions, Record<string, unknown> {
  yes?: boolean;
  partnership?: string;
}

/** `govern add <kind> [path]`: appends one entry, keeping the file's layout, then checks the partnership. */
export function addCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('add')
    .description(
      "add a contact, risk, action, KPI, service, incident, downtime or waiver: asks only what is needed, keeps the file's comments and order, then runs check",
    )
    .addArgument(new Argument('<kind>', 'what to add').choices(['contact', 'risk', 'action', 'kpi', 'service', 'incident', 'downtime', 'waiver']))
    .argument('[path]', 'the partnership folder, or a tree holding several (pick one with --partnership)', '.');
  for (const [flag, help] of ADD_FLAGS) command.option(flag, help);
  command.option('--partnership <id>', 'which partnership, when the path holds several').option('-y, --yes', 'take the default for every question not given as a flag');
  addSharedOptions(command);
  command.action(async (kind: string, path: string, flags: AddFlags) => {
    const { runAdd } = await import('../run/add.js');
    done(await runAdd(io, kind, path, flags));
  });
  return command;
}
