import { Argument, Command } from 'commander';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { PartnershipTree, SourceFile } from '../../model/source.js';
import type { Io } from '../io.js';
import { addSharedOptions, resolveToday, type SharedOptions } from '../shared.js';

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
  ['--opened <time>', 'incident: opened, with its offset or a local time in the partnership\'s zone'],
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

interface AddFlags extends SharedOptions, Record<string, unknown> {
  yes?: boolean;
  partnership?: string;
}

/** `govern add <kind> [path]`: appends one entry, keeping the file's layout, then checks the partnership. */
export function addCommand(io: Io, done: (code: number) => void): Command {
  const command = new Command('add')
    .description("add a contact, risk, action, KPI, service, incident, downtime or waiver: asks only what is needed, keeps the file's comments and order, then runs check")
    .addArgument(new Argument('<kind>', 'what to add').choices(['contact', 'risk', 'action', 'kpi', 'service', 'incident', 'downtime', 'waiver']))
    .argument('[path]', 'the partnership folder, or a tree holding several (pick one with --partnership)', '.');
  for (const [flag, help] of ADD_FLAGS) command.option(flag, help);
  command.option('--partnership <id>', 'which partnership, when the path holds several').option('-y, --yes', 'take the default for every question not given as a flag');
  addSharedOptions(command);
  command.action(async (kind: string, path: string, flags: AddFlags) => {
    done(await runAdd(io, kind, path, flags));
  });
  return command;
}

async function runAdd(io: Io, kind: string, where: string, flags: AddFlags): Promise<number> {
  const [path, { loadWorkspaceFromDisk }, { PartnershipIndex }, { planAdd, QUOTED_KEYS }, { insertEntry }, { flagKey, flagName }, { todayIn }, authoring, { writeFileAtomic }, { UsageError }] = await Promise.all([
    import('node:path'),
    import('../../io/load-workspace.js'),
    import('../../model/partnership-index.js'),
    import('../../author/add-entries.js'),
    import('../../author/insert.js'),
    import('../../author/questions.js'),
    import('../../time/today.js'),
    import('../authoring.js'),
    import('../../io/write-file.js'),
    import('../../model/errors.js'),
  ]);
  const workspace = loadWorkspaceFromDisk([where], io.cwd);
  const trees = workspace.partnerships.map((tree) => ({ tree, index: new PartnershipIndex(tree) }));
  let chosen = trees[0]!;
  if (flags.partnership !== undefined) {
    const match = trees.find((t) => t.index.partnership?.id === flags.partnership);
    if (!match) throw new UsageError(`no partnership with id \`${flags.partnership}\` in ${where}; the ids are: ${trees.map((t) => t.index.partnership?.id ?? t.tree.root).join(', ')}`);
    chosen = match;
  } else if (trees.length > 1) {
    throw new UsageError(`${where} holds ${trees.length} partnerships; pick one with --partnership <id>:`, trees.map((t) => `${t.index.partnership?.id ?? '(no id)'}  ${t.tree.root}`));
  }
  const { tree, index } = chosen;
  const today = resolveToday(flags, io) ?? todayIn(index.timezone, io.now());
  // A waiver is written from a finding: the partnership is checked first, with the tree's rule settings.
  const findings = kind === 'waiver' ? await currentFindings(workspace, tree, today, io) : [];
  const plan = planAdd(kind as never, index, today, findings);

  const own = new Set(plan.questions.map(flagKey));
  const stray = ADD_FLAGS.map(([flag]) => flag.split(' ')[0]!).filter((f) => flags[f.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] !== undefined && !own.has(f.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())));
  if (stray.length > 0) throw new UsageError(`${stray.join(', ')} ${stray.length === 1 ? 'does' : 'do'} not apply to \`govern add ${kind}\`; its flags are ${plan.questions.map(flagName).join(', ')}`);

  const answers = await authoring.resolveAnswers(plan.questions, flags, { interactive: authoring.canPrompt(io), yes: flags.yes === true, command: `govern add ${kind}` }, authoring.lazyInquirerAsk());
  const texts = new Map<string, string>();
  const notes: string[] = [];
  for (const edit of plan.build(answers)) {
    const file = tree.files.find((f) => f.relPath === edit.relPath);
    const current = texts.get(edit.relPath) ?? (file ? file.text : edit.create);
    const shown = file?.path ?? path.posix.join(tree.root === '.' ? '' : tree.root, edit.relPath);
    if (file && !file.ok) throw new UsageError(`${shown} has problems reading or parsing it; fix them (govern check shows where) before adding to it`);
    const result = insertEntry(current, edit.path, edit.entry, { quoted: QUOTED_KEYS, file: shown });
    texts.set(edit.relPath, result.text);
    notes.push(`${shown}:${result.lines.from}${result.lines.to > result.lines.from ? `-${result.lines.to}` : ''}`);
  }
  const root = path.resolve(io.cwd, tree.root);
  for (const [rel, text] of texts) {
    // The prompts can take minutes: a file edited meanwhile (in an editor, by a pull) is not written over.
    const read = tree.files.find((f) => f.relPath === rel);
    writeFileAtomic(path.join(root, rel), text, { overwrite: true, unchangedSince: read ? read.text : null });
  }
  io.stderr.write(`added ${kind} ${JSON.stringify(answers.id ?? answers.name ?? answers.rule ?? answers.from ?? '')} at ${notes.join(', ')}\n`);
  return authoring.checkAndReport(io, root, flags, resolveToday(flags, io));
}

async function currentFindings(workspace: { config?: SourceFile }, tree: PartnershipTree, today: string, io: Io): Promise<Diagnostic[]> {
  const [{ resolveConfig }, { checkWorkspace }] = await Promise.all([import('../../config/resolve-config.js'), import('../../check/run-check.js')]);
  const config = resolveConfig(workspace.config);
  return checkWorkspace({ partnerships: [tree] }, { severities: config.severities, now: io.now(), today }).diagnostics;
}
