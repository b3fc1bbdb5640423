import { checkWorkspace, type CheckOptions } from '../check/run-check.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { CONFIG_FILE, PERIOD_FOLDERS } from '../model/file-kind.js';
import { isObject, isString } from '../model/guards.js';
import { allRules } from '../rules/index.js';
import type { PartnershipTree, SourceFile, Workspace } from '../model/source.js';
import { CHANGE_RULES, DEFAULT_CATEGORY, fallbackVerdict, type ChangeRule, type DiffContext } from './rules/index.js';
import { SideView } from './side-view.js';
import type { Change, DiffReport, DiffSide } from './types.js';
import { displayValue } from './values.js';
import { idPathOf, valueAt, walkValues } from './walk.js';

/** How the two revisions are checked, for the findings a change introduces. */
export interface DiffOptions {
  base?: CheckOptions;
  head?: CheckOptions;
}

/** One partnership of one revision, with the key it is matched by. */
interface Entry {
  key: string;
  /** The id shown: the partnership's id, or its folder when it has none. */
  id: string;
  tree: PartnershipTree;
  files: Map<string, SourceFile>;
}

/**
 * Compares two loaded revisions of a tree of partnerships: what changed in
 * each, classified by category and impact, and which findings of `check` the
 * head has that the base had not. Pure: both workspaces are already in memory.
 */
export function diffWorkspaces(base: DiffSide, head: DiffSide, revisions: { base: string; head: string }, options: DiffOptions = {}): DiffReport {
  const b = identify(base);
  const h = identify(head);
  const pairs: { base?: Entry; head?: Entry }[] = [];
  const unmatched = new Set(b);
  for (const entry of h) {
    const twin = b.find((x) => unmatched.has(x) && x.key === entry.key) ?? b.find((x) => unmatched.has(x) && x.tree.root === entry.tree.root);
    if (twin) unmatched.delete(twin);
    pairs.push({ head: entry, ...(twin ? { base: twin } : {}) });
  }
  for (const entry of unmatched) pairs.push({ base: entry });
  pairs.sort((x, y) => compareText((x.head ?? x.base)!.id, (y.head ?? y.base)!.id));

  const changes: Change[] = [...compareConfig(base.config, head.config), ...compareTemplates(base.templates, head.templates)];
  for (const pair of pairs) changes.push(...comparePartnership(pair.base, pair.head));
  for (const change of changes) change.summary = capitalise(change.summary);

  return {
    base: revisions.base,
    head: revisions.head,
    changes,
    newFindings: newFindings(base, head, b, h, options),
  };
}

const SEVERITY_RANK: Readonly<Record<string, number>> = { off: 0, warning: 1, error: 2 };

/**
 * What a change to govern.config.yaml does to the checks: a rule turned down
 * (error → warning → off) lets problems through that check would have stopped,
 * so it is weakened, whatever partnership it hides them in; turned up, tightened.
 * A rule missing from the config has its built-in severity.
 */
function compareConfig(base: SourceFile | undefined, head: SourceFile | undefined): Change[] {
  const b = base?.ok ? base.data : undefined;
  const h = head?.ok ? head.data : undefined;
  if (base && head && base.text === head.text) return [];
  const file = (head ?? base)?.path ?? '';
  const rulesOf = (data: unknown): Record<string, unknown> => (isObject(data) && isObject(data.rules) ? data.rules : {});
  const rb = rulesOf(b);
  const rh = rulesOf(h);
  const out: Change[] = [];
  for (const id of [...new Set([...Object.keys(rb), ...Object.keys(rh)])].sort(compareText)) {
    const builtIn = allRules.find((r) => r.id === id)?.severity;
    const before = isString(rb[id]) ? rb[id] : null;
    const after = isString(rh[id]) ? rh[id] : null;
    const from = before ?? builtIn;
    const to = after ?? builtIn;
    if (before === after || from === undefined || to === undefined) continue;
    const change = before === null ? 'added' : after === null ? 'removed' : 'changed';
    const rank = (s: string): number => SEVERITY_RANK[s] ?? 1;
    const impact = rank(to) < rank(from) ? 'weakened' : rank(to) > rank(from) ? 'tightened' : 'neutral';
    const words = (s: string, set: string | null): string => (s === 'off' ? 'off' : `${s}${set === null ? ' (its default)' : ''}`);
    const why = impact === 'weakened' ? (to === 'off' ? ': check no longer reports it' : ': its findings no longer fail check') : '';
    out.push({
      partnership: '',
      file,
      path: ['rules', id],
      change,
      before,
      after,
      category: 'governance',
      impact,
      summary: `Rule ${id} turned from ${words(from, before)} to ${words(to, after)}${why}`,
    });
  }
  const other = (data: unknown): Record<string, unknown> => (isObject(data) ? Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'rules')) : {});
  const ob = other(b);
  const oh = other(h);
  for (const key of [...new Set([...Object.keys(ob), ...Object.keys(oh)])].sort(compareText)) {
    if (JSON.stringify(ob[key]) === JSON.stringify(oh[key])) continue;
    const change = ob[key] === undefined ? 'added' : oh[key] === undefined ? 'removed' : 'changed';
    out.push({
      partnership: '',
      file,
      path: [key],
      change,
      before: ob[key] ?? null,
      after: oh[key] ?? null,
      category: 'governance',
      impact: 'neutral',
      summary: `Setting ${key} of govern ${change === 'changed' ? `changed from ${displayValue(ob[key])} to ${displayValue(oh[key])}` : change === 'added' ? `set to ${displayValue(oh[key])}` : `removed (was ${displayValue(ob[key])})`}`,
    });
  }
  if (out.length === 0 && (base?.text ?? null) !== (head?.text ?? null)) {
    // Changed in a way the comparison cannot name (it does not parse, or is not read): still a change to the checks.
    const change = !base ? 'added' : !head ? 'removed' : 'changed';
    const unread = [base && !base.ok ? 'base' : '', head && !head.ok ? 'head' : ''].filter((s) => s !== '');
    out.push({
      partnership: '',
      file,
      path: [],
      change,
      before: null,
      after: null,
      category: 'governance',
      impact: 'neutral',
      summary: `File ${CONFIG_FILE} ${change}${unread.length > 0 ? ` (it cannot be read or does not parse at the ${unread.join(' and the ')})` : ''}`,
    });
  }
  return out;
}

/**
 * Changes to the templates folder's files: templates are code that decides
 * what every document shows, so each added, removed or changed file is a
 * change to review, never "no change".
 */
function compareTemplates(base: DiffSide['templates'], head: DiffSide['templates']): Change[] {
  const b = base?.files ?? new Map<string, string | null>();
  const h = head?.files ?? new Map<string, string | null>();
  const out: Change[] = [];
  for (const relPath of [...new Set([...b.keys(), ...h.keys()])].sort(compareText)) {
    const before = b.get(relPath);
    const after = h.get(relPath);
    if (before === after && before !== null) continue;
    if (before === null && after === null) continue;
    const change = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    const folder = (after !== undefined ? head : base)!.folder;
    out.push({
      partnership: '',
      file: `${folder}/${relPath}`,
      path: [],
      change,
      before: null,
      after: null,
      category: 'governance',
      impact: 'neutral',
      summary: `Template ${relPath} ${change} in ${folder}: templates decide what every rendered document shows`,
    });
  }
  return out;
}

function identify(workspace: Workspace): Entry[] {
  const entries = workspace.partnerships.map((tree): Entry => {
    const files = new Map(tree.files.map((f) => [f.relPath, f] as const));
    const data = files.get('partnership.yaml')?.data;
    const id = isObject(data) && isString(data.id) && data.id.trim() !== '' ? data.id : tree.root;
    return { key: id, id, tree, files };
  });
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  // Two folders claiming one id (check reports it) are told apart by folder.
  for (const e of entries) if (counts.get(e.key)! > 1) e.key = `${e.key}\0${e.tree.root}`;
  return entries;
}

function dataOf(entry: Entry | undefined): SideView {
  return new SideView(new Map([...(entry?.files ?? new Map<string, SourceFile>()).entries()].filter(([, f]) => f.ok).map(([k, f]) => [k, f.data] as const)));
}

function comparePartnership(base: Entry | undefined, head: Entry | undefined): Change[] {
  if (!base || !head) {
    const entry = (head ?? base)!;
    const data = entry.files.get('partnership.yaml')?.data;
    const name = isObject(data) && isString(data.name) ? ` (${data.name})` : '';
    const count = `${entry.files.size} file${entry.files.size === 1 ? '' : 's'}`;
    return [
      head
        ? {
            partnership: entry.id,
            file: '',
            path: [],
            change: 'added',
            before: null,
            after: entry.tree.root,
            category: 'governance',
            impact: 'neutral',
            summary: `Partnership ${entry.id}${name} added in ${entry.tree.root} (${count})`,
          }
        : {
            partnership: entry.id,
            file: '',
            path: [],
            change: 'removed',
            before: entry.tree.root,
            after: null,
            category: 'governance',
            impact: 'weakened',
            summary: `Partnership ${entry.id}${name} removed from ${entry.tree.root}: every obligation it held is gone`,
          },
    ];
  }
  const out: Change[] = [];
  if (base.tree.root !== head.tree.root) {
    out.push({
      partnership: head.id,
      file: '',
      path: ['folder'],
      change: 'changed',
      before: base.tree.root,
      after: head.tree.root,
      category: 'governance',
      impact: 'neutral',
      summary: `Partnership ${head.id} moved from ${base.tree.root} to ${head.tree.root}`,
    });
  }
  const views = { base: dataOf(base), head: dataOf(head) };
  const relPaths = [...new Set([...base.files.keys(), ...head.files.keys()])].sort(compareText);
  for (const relPath of relPaths) out.push(...compareFile(head.id, relPath, base.files.get(relPath), head.files.get(relPath), views));
  return out;
}

function compareFile(
  partnership: string,
  file: string,
  before: SourceFile | undefined,
  after: SourceFile | undefined,
  views: { base: SideView; head: SideView },
): Change[] {
  const kind = (after ?? before)!.kind;
  const base = { partnership, file, path: [] } as const;
  if (before && after && before.text === after.text) return [];
  if (kind === null) {
    const change = !before ? 'added' : !after ? 'removed' : 'changed';
    return [
      {
        ...base,
        path: [],
        change,
        before: null,
        after: null,
        category: 'governance',
        impact: 'neutral',
        summary: `File ${file} ${change} (govern does not read this file)`,
      },
    ];
  }
  const category = DEFAULT_CATEGORY[kind];
  const broken = [before && !before.ok ? 'base' : '', after && !after.ok ? 'head' : ''].filter((s) => s !== '');
  if (broken.length > 0) {
    // A file swapped for a link govern refuses defines nothing at the head: what the base said there is no longer in force.
    const refused = [before?.refused ? 'base' : '', after?.refused ? 'head' : ''].filter((s) => s !== '');
    const hidden = after?.refused === true && before !== undefined && before.refused !== true;
    return [
      {
        ...base,
        path: [],
        change: !before ? 'added' : !after ? 'removed' : 'changed',
        before: null,
        after: null,
        category,
        impact: hidden ? 'weakened' : 'neutral',
        summary:
          refused.length > 0
            ? `File ${file} cannot be compared: it is a symbolic link govern does not follow at the ${refused.join(' and the ')}, so it defines nothing there${hidden ? ' (what it defined at the base is gone)' : ''}; copy the file in to see what changed`
            : `File ${file} cannot be compared: it does not parse at the ${broken.join(' and the ')}; fix it to see what changed`,
      },
    ];
  }
  const periodFolder = file.includes('/') && PERIOD_FOLDERS[file.slice(0, file.indexOf('/'))];
  if (periodFolder && (!before || !after)) {
    const what = kind === 'measurements' ? 'Measurements' : 'Review record';
    const period = file.slice(file.indexOf('/') + 1).replace(/\.ya?ml$/i, '');
    return [
      after
        ? { ...base, path: [], change: 'added', before: null, after: period, category, impact: 'neutral', summary: `${what} for ${period} added` }
        : {
            ...base,
            path: [],
            change: 'removed',
            before: period,
            after: null,
            category,
            impact: 'weakened',
            summary: `${what} for ${period} removed: what it recorded no longer counts`,
          },
    ];
  }
  const rules = new Map((CHANGE_RULES[kind] ?? []).map((r) => [r.pattern, r] as const));
  const raw = walkValues(before?.data, after?.data, (pattern) => rules.get(pattern));
  return raw.map((r): Change => {
    const rule: ChangeRule | undefined = rules.get(r.pattern);
    const context: DiffContext = {
      change: r.change,
      before: r.before,
      after: r.after,
      path: r.path,
      ids: r.ids,
      base: views.base,
      head: views.head,
      atBase: (p) => valueAt(before?.data, p),
      atHead: (p) => valueAt(after?.data, p),
    };
    const verdict = rule ? rule.classify(context) : fallbackVerdict(context, r.pattern, file);
    return {
      partnership,
      file,
      path: r.path,
      change: r.change,
      before: r.before,
      after: r.after,
      category: verdict.category ?? rule?.category ?? category,
      impact: verdict.impact,
      summary: verdict.summary,
    };
  });
}

/**
 * The findings at the head that the base did not have, matched by partnership,
 * file, rule and YAML path with ids in place of indexes (so a finding that only
 * moved lines, or whose item moved in its list, is not new).
 */
function newFindings(base: Workspace, head: Workspace, b: Entry[], h: Entry[], options: DiffOptions): Diagnostic[] {
  // A waived finding does not fail the check; the waiver that lets it pass is a change of its own.
  const headFindings = checkWorkspace(head, options.head ?? {}).diagnostics.filter((d) => !d.waived);
  if (headFindings.length === 0) return [];
  const baseFindings = checkWorkspace(base, options.base ?? {}).diagnostics;
  const keyer = (workspace: Workspace, entries: Entry[]): ((d: Diagnostic) => string) => {
    const where = new Map<string, { partnership: string; relPath: string; data: unknown }>();
    for (const e of entries) for (const f of e.tree.files) where.set(f.path, { partnership: e.key, relPath: f.relPath, data: f.data });
    if (workspace.config) where.set(workspace.config.path, { partnership: '', relPath: workspace.config.relPath, data: workspace.config.data });
    return (d) => {
      const at = where.get(d.file);
      return JSON.stringify([at?.partnership ?? '', at?.relPath ?? d.file, d.ruleId, at ? idPathOf(at.data, d.path) : d.path]);
    };
  };
  const baseKey = keyer(base, b);
  const headKey = keyer(head, h);
  const pool = new Map<string, Diagnostic[]>();
  for (const d of baseFindings) {
    const k = baseKey(d);
    pool.set(k, [...(pool.get(k) ?? []), d]);
  }
  const fresh: Diagnostic[] = [];
  const unmatched: { key: string; d: Diagnostic }[] = [];
  // Pair findings with the same words first, so that of two at one place the one that is new is the one shown.
  for (const d of headFindings) {
    const key = headKey(d);
    const list = pool.get(key);
    const i = list?.findIndex((x) => x.message === d.message) ?? -1;
    if (list && i >= 0) list.splice(i, 1);
    else unmatched.push({ key, d });
  }
  for (const { key, d } of unmatched) {
    const list = pool.get(key);
    if (list && list.length > 0) list.shift();
    else fresh.push(d);
  }
  return fresh;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
