import type { PartnershipIndex } from '../model/partnership-index.js';
import type { Period } from '../model/period.js';
import type { Format } from './environment.js';

/** What a document is built for: the period (when it takes one), today in the partnership's zone, and notes for its top. */
export interface DocumentRequest {
  period: Period | undefined;
  today: string;
  warnings: readonly string[];
}

/** A built-in document: its name, whether it needs `--period`, its formats, and the view-model it renders. */
export interface DocumentDefinition {
  name: string;
  /** What the template is given, as `govern render --list` says it. */
  context: string;
  needsPeriod: boolean;
  formats: readonly Format[];
  /**
   * Builds the view-model of one partnership; the builders load only when a document is rendered. None for a
   * document over a whole tree (the portfolio), which `govern render` builds from every partnership it loads.
   */
  build?(index: PartnershipIndex, request: DocumentRequest): Promise<unknown>;
}

/** The built-in documents, the one list `govern render` and `govern render --list` read. */
export const DOCUMENTS: readonly DocumentDefinition[] = [
  {
    name: 'review-pack',
    context: 'review pack for --period',
    needsPeriod: true,
    formats: ['md', 'html'],
    async build(index, { period, today, warnings }) {
      const { buildReviewPack } = await import('./review-pack/index.js');
      return buildReviewPack(index, { period: period!, today, warnings });
    },
  },
  {
    name: 'contract-summary',
    context: 'contract summary',
    needsPeriod: false,
    formats: ['md', 'html'],
    async build(index, { today, warnings }) {
      const { buildContractSummary } = await import('./contract-summary.js');
      return buildContractSummary(index, { today, warnings });
    },
  },
  {
    name: 'portfolio',
    context: 'portfolio over a tree for --period (docs/rendering.md)',
    needsPeriod: true,
    formats: ['md', 'html'],
  },
];

/** What a template of the user's own is given to render, as `govern render --list` says it. */
export const USER_TEMPLATE_CONTEXT = 'summary (contract summary) and pack (review pack, with --period, else null)';

/** The built-in document of that name, if it is one. */
export function findDocument(name: string): DocumentDefinition | undefined {
  return DOCUMENTS.find((d) => d.name === name);
}

/** The view-model a template renders: a built-in document's own, or for a template of the user's `{ summary, pack }`. */
export async function buildDocumentContext(name: string, index: PartnershipIndex, request: DocumentRequest): Promise<unknown> {
  const build = (document: string) => findDocument(document)!.build!(index, request);
  const own = findDocument(name);
  if (own?.build) return own.build(index, request);
  const summary = await build('contract-summary');
  return { summary, pack: request.period ? await build('review-pack') : null };
}
