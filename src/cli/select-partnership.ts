import { UsageError } from '../model/errors.js';
import { PartnershipIndex } from '../model/partnership-index.js';
import type { Workspace } from '../model/source.js';

/** The partnerships a command works on, indexed: all of them, or the one `--partnership` names. */
export function selectPartnerships(workspace: Workspace, id: string | undefined): PartnershipIndex[] {
  const all = workspace.partnerships.map((tree) => new PartnershipIndex(tree));
  if (id === undefined) return all;
  // A folder names one partnership for sure; an id may be written in two (partnership/duplicate-id).
  const byFolder = all.filter((p) => p.root === id);
  if (byFolder.length > 0) return byFolder.slice(0, 1);
  const found = all.filter((p) => p.partnership?.id === id);
  if (found.length === 0) throw new UsageError(`no partnership \`${id}\` here; the partnerships are:`, describe(all));
  if (found.length > 1) {
    throw new UsageError(
      `--partnership ${id}: ${found.length} partnerships have the id \`${id}\`, in ${found.map((p) => p.root).join(' and ')}; give the folder instead (--partnership ${found[0]!.root}), and make the ids unique:`,
      describe(found),
    );
  }
  return found;
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
