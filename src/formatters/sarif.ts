import type { AbsentFinding } from '../baseline/baseline.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { DOCS_URL, ruleUrl, type Formatter } from './types.js';

/** SARIF 2.1.0 for code scanning: rule metadata in `tool.driver.rules`, URIs relative to the working directory. */
export const formatSarif: Formatter = ({ diagnostics, rules, version, absent }) => {
  const used = [...new Set(diagnostics.map((d) => d.ruleId))];
  const known = new Map(rules.map((r) => [r.id, r] as const));
  const ruleIds = [...new Set([...rules.map((r) => r.id), ...used])];
  const index = new Map(ruleIds.map((id, i) => [id, i] as const));
  const artifacts = [...new Set([...diagnostics.flatMap((d) => [d.file, ...(d.related ?? []).map((r) => r.file)]), ...(absent ?? []).map((a) => a.file)])].sort();
  const artifactIndex = new Map(artifacts.map((a, i) => [a, i] as const));
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
              return {
                id,
                name: id,
                shortDescription: { text: rule?.description ?? id },
                helpUri: ruleUrl(id),
                defaultConfiguration: { level: rule?.severity ?? 'error' },
              };
            }),
          },
        },
        artifacts: artifacts.map((uri) => ({ location: { uri: encodeUri(uri) } })),
        results: [
          ...diagnostics.map((d) => result(d, index.get(d.ruleId) ?? 0, artifactIndex)),
          ...(absent ?? []).map((a) => absentResult(a, index.get(a.ruleId), artifactIndex)),
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function result(d: Diagnostic, ruleIndex: number, artifactIndex: Map<string, number>) {
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: d.severity,
    message: { text: d.message },
    locations: [location(d.file, d.range, artifactIndex)],
    ...(d.related && d.related.length > 0
      ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.range, artifactIndex), message: { text: r.message } })) }
      : {}),
    partialFingerprints: { 'govern/v1': fingerprint(d) },
    ...(d.baselineState ? { baselineState: d.baselineState } : {}),
    ...(d.waived ? { suppressions: [{ kind: 'external', status: 'accepted', justification: d.waived.reason, properties: { owner: d.waived.owner, expires: d.waived.expires } }] } : {}),
    ...(d.data ? { properties: { path: d.path, data: d.data } } : { properties: { path: d.path } }),
  };
}

/** A known finding of the baseline that is no longer found: `baselineState: absent`, at its file. */
function absentResult(a: AbsentFinding, ruleIndex: number | undefined, artifactIndex: Map<string, number>) {
  return {
    ruleId: a.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    kind: 'pass',
    level: 'none',
    message: { text: `fixed: a known finding of the baseline is no longer found` },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(a.file), index: artifactIndex.get(a.file) ?? 0 } } }],
    baselineState: 'absent',
    properties: { path: a.path },
  };
}

function location(file: string, range: Diagnostic['range'], artifactIndex: Map<string, number>) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeUri(file), index: artifactIndex.get(file) ?? 0 },
      region: {
        startLine: range.start.line,
        startColumn: range.start.column,
        endLine: Math.max(range.end.line, range.start.line),
        endColumn: range.end.line > range.start.line ? range.end.column : Math.max(range.end.column, range.start.column + 1),
      },
    },
  };
}

/** A relative URI reference: path segments percent-encoded, `/` kept. */
function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Stable across line moves: rule, file and YAML path, so code scanning tracks a finding as lines shift. */
function fingerprint(d: Diagnostic): string {
  const text = `${d.ruleId}|${d.file}|${JSON.stringify(d.path)}|${d.message}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ ch, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
