import type { Diagnostic } from '../model/diagnostic.js';
import type { PartnershipIndex } from '../model/partnership-index.js';
import type { SourceFile } from '../model/source.js';
import { isExpired, readWaiver, UNWAIVABLE, waiverMatches, type ReadWaiver } from './waiver.js';

/** What applying a partnership's waivers gives: the findings, the waived ones marked, and the waivers that matched none. */
export interface WaiverOutcome {
  diagnostics: Diagnostic[];
  /** Waivers in force that cover no finding (`waivers/unused`). */
  unused: ReadWaiver[];
}

/**
 * Marks the findings of one partnership that a waiver in force covers (the
 * first such waiver in file order gives the reason). An expired waiver covers
 * nothing (`waivers/expired` says so); findings about reading files, and about
 * waivers.yaml itself, are never covered. Pure.
 */
export function applyWaivers(partnership: PartnershipIndex, today: string, diagnostics: readonly Diagnostic[]): WaiverOutcome {
  const waivers = partnership.waivers.map(readWaiver).filter((w): w is ReadWaiver => w !== undefined && !UNWAIVABLE.test(w.rule) && !isExpired(w.waived, today));
  if (waivers.length === 0) return { diagnostics: [...diagnostics], unused: [] };
  const files = new Map<string, SourceFile>(partnership.files.map((f) => [f.path, f] as const));
  const waiversFile = partnership.file('waivers')?.path;
  const used = new Set<ReadWaiver>();
  const out = diagnostics.map((d) => {
    if (UNWAIVABLE.test(d.ruleId) || d.file === waiversFile) return d;
    const file = files.get(d.file);
    let first: ReadWaiver | undefined;
    for (const w of waivers) {
      if (!waiverMatches(w, d, file)) continue;
      used.add(w);
      first ??= w;
    }
    return first ? { ...d, waived: { ...first.waived } } : d;
  });
  return { diagnostics: out, unused: waivers.filter((w) => !used.has(w)) };
}
