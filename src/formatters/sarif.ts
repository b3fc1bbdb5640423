import { safeJson } from '../model/safe-text.js';
import type { AbsentFinding } from '../baseline/baseline.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { DOCS_URL, ruleUrl, type Formatter } from './types.js';

/** GitHub code scanning rejects a run with more results than this. */
export const MAX_SARIF_RESULTS = 25_000;

/**
 * SARIF 2.1.0 for code scanning: rule metadata in `tool.driver.rules` (with
 * the rule docs as fullDescription and help), URIs relative to the
 * repository's top (`%SRCROOT%`), at most 25 000 results with a notification
 * of how many more there were.
 */
export const formatSarif: Formatter = ({ diagnostics: all, rules, version, absent: allAbsent, ruleDocs, sourceRoot, pathOf = (d) => d.path }) => {
  const prefix = sourceRoot?.prefix ?? '';
  const encodeUri = (file: string): string => relativeUri(prefix, file);
  const diagnostics = all.slice(0, MAX_SARIF_RESULTS);
  const absent = (allAbsent ?? []).slice(0, Math.max(0, MAX_SARIF_RESULTS - diagnostics.length));
  const left = all.length + (allAbsent?.length ?? 0) - diagnostics.length - absent.length;
  const used = [...new Set(diagnostics.map((d) => d.ruleId))];
  const known = new Map(rules.map((r) => [r.id, r] as const));
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...used])];
  const index = new Map(ruleIds.map((id, i) => [id, i] as const));
  const artifacts = [...new Set([...diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]), ...(absent ?? []).map((a) => a.file)])].sort();
  const artifactIndex = new Map(artifacts.map((a, i) => [a, i] as const));
  // The nth finding of one rule at one place gets the nth fingerprint of that place, as a baseline counts them.
  const seen = new Map<string, number>();
  const fingerprints = (d: Diagnostic): string => {
    const place = JSON.stringify([d.ruleId, encodeUri(d.file), pathOf(d)]);
    const n = seen.get(place) ?? 0;
    seen.set(place, n + 1);
    return fingerprint(n === 0 ? place : `${place}#${n}`);
  };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govern',
            version,
            semanticVersion: version,
            informationUri: DOCS_URL.replace(/\/blob\/main\/docs\/rules\.md$/, ''),
            rules: ruleIds.map((id) => {
              const rule = known.get(id);
              const short = rule?.description ?? id;
              const doc = ruleDocs?.get(id);
              const full = doc ? firstParagraph(doc) : `${short}.`;
              return {
                id,
                name: ruleName(id),
                shortDescription: { text: short },
                fullDescription: { text: full },
                help: { text: `${full}\n\nDocumented at ${ruleUrl(id)}`, markdown: doc ?? `${short}. See [the rule's documentation](${ruleUrl(id)}).` },
                helpUri: ruleUrl(id),
                defaultConfiguration: { level: rule?.severity ?? 'error' },
              };
            }),
          },
        },
        ...(sourceRoot ? { originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(sourceRoot.top) } } } : {}),
        artifacts: artifacts.map((file) => ({ location: { uri: encodeUri(file), uriBaseId: SRCROOT } })),
        results: [
          ...diagnostics.map((d) => result(d, index.get(d.ruleId) ?? 0, artifactIndex, encodeUri, fingerprints(d))),
          ...absent.map((a) => absentResult(a, index.get(a.ruleId), artifactIndex, encodeUri)),
        ],
        ...(left > 0
          ? {
              invocations: [
                {
                  executionSuccessful: true,
                  toolExecutionNotifications: [
                    {
                      level: 'warning',
                      message: {
                        text: `${left} more results were left out: a SARIF run holds at most ${MAX_SARIF_RESULTS} (GitHub's limit); run govern check for all of them`,
                      },
                    },
                  ],
                },
              ],
            }
          : {}),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${safeJson(JSON.stringify(log, null, 2))}\n`;
};

function result(d: Diagnostic, ruleIndex: number, artifactIndex: Map<string, number>, encodeUri: (file: string) => string, print: string) {
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: d.severity,
    message: { text: d.message },
    locations: [location(d.file, d.range, artifactIndex, encodeUri)],
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range, artifactIndex, encodeUri), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { 'govern/v1': print },
    ...(d.baselineState ? { baselineState: d.baselineState } : {}),
    ...(d.waived
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: d.waived.reason, properties: { owner: d.waived.owner, expires: d.waived.expires } }] }
      : {}),
    ...(d.data ? { properties: { path: d.path, data: d.data } } : { properties: { path: d.path } }),
  };
}

/** A known finding of the baseline that is no longer found: `baselineState: absent`, at its file. */
function absentResult(a: AbsentFinding, ruleIndex: number | undefined, artifactIndex: Map<string, number>, encodeUri: (file: string) => string) {
  return {
    ruleId: a.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    kind: 'pass',
    level: 'none',
    message: { text: `fixed: a known finding of the baseline is no longer found` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(a.file), uriBaseId: SRCROOT, index: artifactIndex.get(a.file) ?? 0 } } }],
    baselineState: 'absent',
    properties: { path: a.path },
  };
}

function location(file: string, range: Diagnostic['range'], artifactIndex: Map<string, number>, encodeUri: (file: string) => string) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUri(file), uriBaseId: SRCROOT, index: artifactIndex.get(file) ?? 0 },
      region: {
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: Math.max(range.end.line, range.start.line),
        endColumn: range.end.line > range.start.line ? range.end.column : Math.max(range.end.column, range.start.column + 1),
      },
    },
  };
}

const SRCROOT = '%SRCROOT%';

/**
 * A file's URI reference relative to the repository's top: the way from the top
 * to the working directory, then the file (relative to the working
 * directory), `..` resolved; path segments percent-encoded, `/` kept.
 */
export function relativeUri(prefix: string, file: string): string {
  const out: string[] = [];
  for (const segment of `${prefix}${file.replace(/\\/g, '/')}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(segment);
  }
  return out.map((s) => (s === '..' ? s : encodeURIComponent(s))).join('/');
}

/** An absolute folder as a `file:` URI ending in `/`, as originalUriBaseIds wants. */
function directoryUri(dir: string): string {
  const posix = dir.replace(/\\/g, '/');
  const encoded = posix.split('/').map(encodeURIComponent).join('/');
  return `file://${posix.startsWith('/') ? '' : '/'}${encoded}${encoded.endsWith('/') ? '' : '/'}`;
}

/** `schedule/overlap` → `ScheduleOverlap`: SARIF's name, which GitHub wants distinct from the id. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/** The rule docs' first paragraph that says what the rule checks (after the default severity), as plain text. */
function firstParagraph(markdown: string): string {
  const paragraph = markdown.split(/\n\s*\n/).find((p) => p.trim() !== '' && !/^\s*(```|\||#)/.test(p)) ?? markdown;
  return paragraph
    .replace(/\*\*Default: \w+\.\*\*\s*/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Stable across line moves, items moving in their list, the working folder
 * and the words of the message (some count days): rule, file from the
 * repository's top and stable YAML path, the identity a baseline matches by,
 * so code scanning tracks a finding as lines shift and from day to day.
 */
function fingerprint(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
