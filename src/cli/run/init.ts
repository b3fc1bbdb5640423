import type { Io } from '../io.js';
import { resolveToday } from '../shared.js';
import type { InitFlags } from '../commands/init.js';

/** The work behind `govern init`: loaded only when the command runs. */
export async function runInit(io: Io, dir: string, flags: InitFlags): Promise<number> {
  const [
    path,
    fs,
    { initQuestions, toInitAnswers },
    { buildInitFiles, plannedInitPaths, REPOSITORY_FILES },
    { readSchemas },
    { todayIn },
    authoring,
    { checkTargets, writeFileAtomic },
    { UsageError },
    { packageVersion },
    { enclosingRepositoryRoot },
  ] = await Promise.all([
    import('node:path'),
    import('node:fs'),
    import('../../author/init-questions.js'),
    import('../../author/init/index.js'),
    import('../../io/read-schemas.js'),
    import('../../time/today.js'),
    import('../authoring.js'),
    import('../../io/write-file.js'),
    import('../../model/errors.js'),
    import('../shared.js'),
    import('../../io/git.js'),
  ]);
  const target = path.resolve(io.cwd, dir);
  const shown = dir === '.' ? 'this folder' : dir;
  const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = resolveToday(flags, io) ?? todayIn(systemZone, io.now());
  const extras = { editor: flags.editor !== false, ci: flags.ci !== false, hook: flags.preCommit !== false };
  const schemas = extras.editor ? readSchemas() : new Map();

  // GitHub reads workflows, and pre-commit its config, only at the top of the repository: inside a
  // subfolder of one they would do nothing, so they go to the top (their commands there cover every
  // partnership below it), unless the repository already has its own, which is kept. govern.config.yaml
  // goes there too: `govern check` run at the top (by CI and the hook) reads the config at or above
  // the checked folder, so one in the subfolder would hold locally and not in CI.
  const repoRoot = enclosingRepositoryRoot(target);
  const destination = (rel: string): string => (repoRoot !== undefined && REPOSITORY_FILES.includes(rel) ? path.join(repoRoot, rel) : path.join(target, rel));
  const shownPath = (rel: string): string =>
    repoRoot !== undefined && REPOSITORY_FILES.includes(rel) ? path.relative(fs.realpathSync(io.cwd), destination(rel)).split(path.sep).join('/') : rel;
  const kept = repoRoot === undefined ? [] : REPOSITORY_FILES.filter((rel) => fs.existsSync(destination(rel)));

  // Refuse before asking anything, so nobody answers questions for nothing.
  const existing = (paths: Iterable<string>): string[] => [...paths].filter((p) => !kept.includes(p) && fs.existsSync(destination(p)));
  const refuse = (found: string[]) =>
    new UsageError(`${shown} already has ${found.length === 1 ? 'a file' : 'files'} that init would write; init never overwrites, so nothing was written:`, [
      ...found,
      'move them aside or choose another folder (the --no-editor, --no-ci and --no-pre-commit flags leave out those files)',
    ]);
  const planned = plannedInitPaths({ today, version: packageVersion(), schemas, ...extras });
  const clash = existing(planned);
  if (clash.length > 0) throw refuse(clash);

  const interactive = authoring.canPrompt(io);
  const answers = toInitAnswers(
    await authoring.resolveAnswers(
      initQuestions({ today, systemZone }),
      flags,
      { interactive, yes: flags.yes === true, command: 'govern init' },
      authoring.lazyInquirerAsk(),
    ),
  );
  const files = buildInitFiles(answers, { today, version: packageVersion(), schemas, ...extras });
  for (const rel of kept) files.delete(rel);
  const late = existing(files.keys());
  if (late.length > 0) throw refuse(late);
  checkTargets([...files.keys()].map(destination), { overwrite: false, flagHint: 'another folder' });
  for (const [rel, text] of files) writeFileAtomic(destination(rel), text, { overwrite: false, flagHint: 'another folder' });
  const listed = (p: string): string =>
    repoRoot !== undefined && REPOSITORY_FILES.includes(p)
      ? `${shownPath(p)} (at the top of the repository, where ${p === 'govern.config.yaml' ? 'check reads it' : 'it runs'})`
      : p;
  io.stderr.write(
    `wrote ${files.size} files to ${shown}:\n${[...files.keys()]
      .filter((p) => !p.startsWith('.govern/'))
      .map((p) => `  ${listed(p)}`)
      .join('\n')}\n${extras.editor ? '  .govern/schemas/ (JSON Schemas for the editor)\n' : ''}`,
  );
  const keptRunners = kept.filter((rel) => rel !== 'govern.config.yaml');
  if (keptRunners.length > 0) io.stderr.write(`kept the repository's own ${keptRunners.map(shownPath).join(' and ')}: make sure it runs govern check\n`);
  if (kept.includes('govern.config.yaml'))
    io.stderr.write(`kept the repository's own ${shownPath('govern.config.yaml')}: its rule settings apply to this partnership too\n`);
  const code = await authoring.checkAndReport(io, target, flags, today);
  io.stderr.write('next: fill in the placeholders (names, budget amounts), commit the files, and grow the partnership with govern add contact|risk|action|kpi|service\n');
  return code;
}
