import { isString } from '../model/guards.js';
import { UNWAIVABLE } from '../waivers/waiver.js';
import { defineRule } from './define-rule.js';

/** Reading and syntax findings are fixed, never accepted. */
export const waiversUnwaivable = defineRule({
  id: 'waivers/unwaivable',
  severity: 'error',
  description: 'A waiver names a rule whose findings can be waived: not `yaml/*`, `file/*` or `waivers/*`.',
  run(context) {
    for (const item of context.partnership.waivers) {
      const rule = item.value.rule;
      if (!isString(rule) || !UNWAIVABLE.test(rule)) continue;
      context.report({
        file: item.file,
        path: [...item.path, 'rule'],
        message: `\`${rule}\` findings cannot be waived: a file that cannot be read or parsed, or a broken waiver, hides everything else in it; fix it and delete this waiver`,
        data: { rule },
      });
    }
  },
});
