import { UsageError } from '../model/errors.js';
import { PartnershipIndex } from '../model/partnership-index.js';
import type { Workspace } from '../model/source.js';

/** The partnerships a command works on, indexed: all of them, or the one `--partnership` names. */
export function selectPartnerships(workspace: Workspace, id: string | undefined): PartnershipIndex[] {
  const all = workspace.partnerships.map((tree) => new PartnershipIndex(tree));
  if (id === undefined) return all;
  const found = all.filter((p) => p.partnership?.id === id || p.root === id);
  if (found.length === 0) throw new UsageError(`no partnership \`${id}\` here; the partnerships are:`, describe(all));
  return found.slice(0, 1);
}

/**
 * The one partnership a command needs: the only one found, or the one `--partnership` names.
 * Several and no choice is a usage error listing their ids (CLI.md).
 */
export function selectOnePartnership(workspace: Workspace, id: string | undefined, what: string): PartnershipIndex {
  const chosen = selectPartnerships(workspace, id);
  if (chosen.length > 1) {
    throw new UsageError(`${what} works on one partnership and this path holds ${chosen.length}; pick one with --partnership <id>:`, describe(chosen));
  }
  return chosen[0]!;
}

function describe(list: readonly PartnershipIndex[]): string[] {
  return list.map((p) => (p.partnership?.id ? `${p.partnership.id}  (${p.root})` : `${p.root}  (no id in partnership.yaml)`));
}
