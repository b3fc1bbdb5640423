import type { Formatter } from './types.js';

/** `{ findings, summary }`: the Diagnostic objects as they are, for scripts. */
export const formatJson: Formatter = ({ diagnostics, summary }) =>
  `${JSON.stringify({ findings: diagnostics, summary }, null, 2)}\n`;
