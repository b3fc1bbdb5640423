import type { Diagnostic } from '../../model/diagnostic.js';
import type { PartnershipTree, SourceFile } from '../../model/source.js';
import type { Io } from '../io.js';
import { resolveToday } from '../shared.js';
import { ADD_FLAGS, type AddFlags } from '../commands/add.js';

/** The work behind `govern add`: loaded only when the command runs. */
export async function runAdd(io: Io, kind: string, where: string, flags: AddFlags): Promise<number> {
  const [
    path,
    { loadWorkspaceFromDisk },
    { PartnershipIndex },
    { planAdd, QUOTED_KEYS },
    { insertEntry },
    { flagKey, flagName },
    { todayIn },
    authoring,
    { writeFileAtomic },
    { UsageError },
  ] = await Promise.all([
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
  // The check that follows the write would refuse a bad govern.config.yaml: refuse it now, before anything is written.
  (await import('../../config/resolve-config.js')).resolveConfig(workspace.config);
  const trees = workspace.partnerships.map((tree) => ({ tree, index: new PartnershipIndex(tree) }));
  let chosen = trees[0]!;
  if (flags.partnership !== undefined) {
    const match = trees.find((t) => t.index.partnership?.id === flags.partnership);
    if (!match)
      throw new UsageError(
        `no partnership with id \`${flags.partnership}\` in ${where}; the ids are: ${trees.map((t) => t.index.partnership?.id ?? t.tree.root).join(', ')}`,
      );
    chosen = match;
  } else if (trees.length > 1) {
    throw new UsageError(
      `${where} holds ${trees.length} partnerships; pick one with --partnership <id>:`,
      trees.map((t) => `${t.index.partnership?.id ?? '(no id)'}  ${t.tree.root}`),
    );
  }
  const { tree, index } = chosen;
  const today = resolveToday(flags, io) ?? todayIn(index.timezone, io.now());
  // A waiver is written from a finding: the partnership is checked first, with the tree's rule settings.
  const findings = kind === 'waiver' ? await currentFindings(workspace, tree, today, io) : [];
  const plan = planAdd(kind as never, index, today, findings);

  const own = new Set(plan.questions.map(flagKey));
  const stray = ADD_FLAGS.map(([flag]) => flag.split(' ')[0]!).filter(
    (f) =>
      flags[f.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] !== undefined &&
      !own.has(f.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())),
  );
  if (stray.length > 0)
    throw new UsageError(
      `${stray.join(', ')} ${stray.length === 1 ? 'does' : 'do'} not apply to \`govern add ${kind}\`; its flags are ${plan.questions.map(flagName).join(', ')}`,
    );

  const answers = await authoring.resolveAnswers(
    plan.questions,
    flags,
    { interactive: authoring.canPrompt(io), yes: flags.yes === true, command: `govern add ${kind}` },
    authoring.lazyInquirerAsk(),
  );
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
