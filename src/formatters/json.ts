import { safeJson } from '../model/safe-text.js';
import type { Formatter } from './types.js';

/** `{ findings, summary }`: the Diagnostic objects as they are, for scripts. */
export const formatJson: Formatter = ({ diagnostics, summary, absent }) =>
  `${safeJson(JSON.stringify({ findings: diagnostics, summary, ...(absent ? { fixed: absent } : {}) }, null, 2))}\n`;
