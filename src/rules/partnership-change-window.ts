import { isObject, isString } from '../model/guards.js';
import { defineRule } from './define-rule.js';

const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/**
 * A batched change window that can actually be used. The schema already
 * requires `window` when the mode is batched; this rule checks what is inside.
 */
export const partnershipChangeWindow = defineRule({
  id: 'partnership/change-window',
  severity: 'error',
  description: 'A batched change window names its days and opens (`from`) before it closes (`to`).',
  run(context) {
    const part = context.partnership.partnership;
    const cm = part?.value.changeManagement;
    if (!part || !isObject(cm) || cm.mode !== 'batched' || !isObject(cm.window)) return;
    const window = cm.window;
    const at = ['changeManagement', 'window'];
    const missing = (['days', 'from', 'to'] as const).filter((key) => window[key] === undefined || window[key] === null);
    if (missing.length > 0) {
      context.report({
        file: part.file,
        path: at,
        at: 'key',
        message: `the batched change window needs ${missing.map((k) => `\`${k}\``).join(' and ')}: say on which days and between which times changes are made`,
        data: { missing },
      });
    }
    const { from, to } = window;
    // Malformed times are reported by the schema.
    if (!isString(from) || !isString(to) || !TIME.test(from) || !TIME.test(to) || from < to) return;
    context.report({
      file: part.file,
      path: [...at, 'to'],
      message:
        from === to
          ? `the change window opens and closes at ${from}: \`to\` must be after \`from\``
          : `the change window closes at ${to}, before it opens at ${from}: \`to\` must be after \`from\` (a window that runs past midnight ends at \`24:00\`)`,
      data: { from, to },
      related: [{ file: part.file, path: [...at, 'from'], message: `the window opens at ${from}` }],
    });
  },
});
