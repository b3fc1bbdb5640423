import { safeText as visible } from '../model/safe-text.js';
import type { Diagnostic, YamlPath } from '../model/diagnostic.js';
import { isObject, isString } from '../model/guards.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import { addDaysToDate } from '../time/instant.js';
import { joinYamlPath, splitYamlPath, UNWAIVABLE, waiverMatches } from '../waivers/waiver.js';
import type { AddPlan } from './add-entries.js';
import { text, type Answers, type Choice, type Question } from './questions.js';
import { validateChoice, validateDate, validateText } from './validate.js';

/** How long a waiver runs when `--yes` takes the default: a quarter. */
const DEFAULT_DAYS = 90;
/** The longest a waiver may run (waivers/expiry-too-far). */
const MAX_DAYS = 366;

/**
 * `govern add waiver`: a waiver written from a finding of the partnership as
 * it is now. The rule is one with findings that can be waived; the file and
 * place follow from the finding when there is one (a place is the id of the
 * outermost entry the finding is in, else its YAML path); reason, owner and
 * expiry are asked. Pure: the findings are given.
 */
export function planWaiver(index: PartnershipIndex, today: string, findings: readonly Diagnostic[]): AddPlan {
  const files = new Map(index.files.map((f) => [f.path, f] as const));
  const waiversFile = index.file('waivers')?.path;
  const open = findings.filter((d) => !d.waived && !UNWAIVABLE.test(d.ruleId) && d.file !== waiversFile && files.has(d.file));
  const rules = [...new Set(open.map((d) => d.ruleId))].sort();
  const ofRule = (a: Answers) => open.filter((d) => d.ruleId === text(a, 'rule'));
  const relPathOf = (d: Diagnostic): string => files.get(d.file)!.relPath;
  const inFile = (a: Answers) => ofRule(a).filter((d) => text(a, 'file') === '' || relPathOf(d) === text(a, 'file'));
  const placeOf = (d: Diagnostic): string => outermostId(files.get(d.file)!.data, d.path) ?? joinYamlPath(d.path);
  const matching = (a: Answers, at: string) =>
    inFile(a).filter((d) =>
      waiverMatches(
        {
          item: undefined as never,
          rule: text(a, 'rule'),
          ...(text(a, 'file') ? { file: text(a, 'file') } : {}),
          ...(at ? { at: { text: at, path: splitYamlPath(at) } } : {}),
          waived: { reason: '', owner: '', expires: '' },
        },
        d,
        files.get(d.file),
      ),
    );
  const fileChoices = (a: Answers): Choice[] => [...new Set(ofRule(a).map(relPathOf))].sort().map((f) => ({ value: f, name: visible(f) }));
  const placeChoices = (a: Answers): Choice[] => {
    const places = [
      ...new Set(
        inFile(a)
          .filter((d) => d.path.length > 0)
          .map(placeOf),
      ),
    ];
    return [...places.map((p) => ({ value: p, name: visible(p) })), { value: '', name: '(every finding of the rule in the file)' }];
  };
  const latest = addDaysToDate(today, MAX_DAYS) ?? today;
  const owner = index.partnership?.value.owners?.client;
  const contacts = index.contacts.map((c) => c.value.id).filter(isString);
  const questions: Question[] = [
    {
      name: 'rule',
      flag: '--rule <id>',
      message: 'Rule of the finding to waive',
      kind: 'select',
      choices: () => rules.map((r) => ({ value: r, name: `${r} (${open.filter((d) => d.ruleId === r).length})` })),
      validate: (v) => {
        if (rules.length === 0) return 'there is no finding to waive: govern check finds none that a waiver can cover (yaml/*, file/* and waivers/* cannot be waived)';
        if (UNWAIVABLE.test(v)) return `\`${v}\` findings cannot be waived: fix the file instead`;
        return rules.includes(v) ? true : `no finding of \`${v}\` now; the rules with findings are ${rules.join(', ')}`;
      },
    },
    {
      name: 'file',
      flag: '--file <file>',
      message: 'Only findings in this file',
      kind: 'select',
      implied: true,
      optional: true,
      choices: (a) => [...fileChoices(a), { value: '', name: '(any file)' }],
      default: (a) => (fileChoices(a).length === 1 ? fileChoices(a)[0]!.value : ''),
      validate: (v, a) =>
        v === ''
          ? true
          : validateChoice(
              v,
              fileChoices(a).map((c) => c.value),
            ),
    },
    {
      name: 'at',
      flag: '--at <place>',
      message: 'Only findings at this place (an id, or a YAML path such as paths.0.levels.2)',
      kind: 'select',
      implied: true,
      optional: true,
      choices: placeChoices,
      default: (a) => {
        const places = placeChoices(a).filter((c) => c.value !== '');
        return places.length === 1 ? places[0]!.value : '';
      },
      validate: (v, a) =>
        matching(a, v).length > 0
          ? true
          : `no finding of \`${text(a, 'rule')}\`${text(a, 'file') ? ` in ${text(a, 'file')}` : ''} at \`${v}\`; the places are ${
              placeChoices(a)
                .filter((c) => c.value !== '')
                .map((c) => c.value)
                .join(', ') || 'none'
            }`,
    },
    { name: 'reason', flag: '--reason <text>', message: 'Why it is accepted, and what will end it', kind: 'text', validate: (v) => validateText(v, 'a reason') },
    {
      name: 'owner',
      flag: '--owner <contact>',
      message: 'Owner: the contact answerable for the waiver',
      kind: 'select',
      choices: () =>
        index.contacts
          .filter((c) => isString(c.value.id))
          .map((c) => ({ value: c.value.id!, name: visible(`${c.value.id}${isString(c.value.name) ? ` (${c.value.name})` : ''}`) })),
      default: () => (owner && contacts.includes(owner) ? owner : contacts[0]),
      validate: (v) => (contacts.length === 0 ? 'there are no contacts to choose an owner from yet; add one first (govern add contact)' : validateChoice(v, contacts)),
    },
    {
      name: 'expires',
      flag: '--expires <date>',
      message: `Expires (YYYY-MM-DD, at most a year ahead: ${latest})`,
      kind: 'text',
      default: () => addDaysToDate(today, DEFAULT_DAYS),
      validate: (v) => {
        const ok = validateDate(v);
        if (ok !== true) return ok;
        if (v < today) return `${v} is already past; pick a date from ${today} on`;
        return v > latest ? `${v} is more than a year ahead; a waiver is for a while: pick a date on or before ${latest}` : true;
      },
    },
  ];
  return {
    questions,
    build: (a) => [
      {
        relPath: 'waivers.yaml',
        path: ['waivers'],
        create: '# Findings accepted for a while, each with a reason, an owner and an expiry (govern check reports them as waived).\n',
        entry: Object.fromEntries(
          Object.entries({
            rule: text(a, 'rule'),
            file: text(a, 'file'),
            at: text(a, 'at'),
            reason: text(a, 'reason'),
            owner: text(a, 'owner'),
            expires: text(a, 'expires'),
          }).filter(([, v]) => v !== ''),
        ),
      },
    ],
  };
}

/** The id of the outermost entry a path goes through, if it has one. */
function outermostId(data: unknown, path: YamlPath): string | undefined {
  let node = data;
  for (const part of path) {
    if (Array.isArray(node) && typeof part === 'number') node = node[part];
    else if (isObject(node) && typeof part === 'string') node = node[part];
    else return undefined;
    if (isObject(node) && isString(node.id)) return node.id;
  }
  return undefined;
}
