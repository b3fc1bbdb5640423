import { isString } from '../model/guards.js';
import { ALWAYS, type Item } from '../model/partnership-index.js';
import type { EscalationPath } from '../model/partnership.js';
import { defineRule } from './define-rule.js';
import { isAlways, namePriority, prioritiesServedBy } from './escalation-missing-path.js';

/** A channel leading into a path that is open around the clock is itself open around the clock. */
export const governanceChannelHours = defineRule({
  id: 'governance/channel-hours',
  severity: 'warning',
  description: 'A channel that escalates to a path serving a 24x7 priority is itself open 24x7.',
  run(context) {
    const p = context.partnership;
    for (const channel of p.channels) {
      const { hours, escalatesTo } = channel.value;
      if (!isString(hours) || hours === ALWAYS || !isString(escalatesTo)) continue;
      const path = p.lookup<EscalationPath>('path', escalatesTo);
      if (!path) continue;
      const item: Item<EscalationPath> = { value: path.value, file: path.file, path: path.path.slice(0, -1) };
      const always = prioritiesServedBy(p, item).filter(isAlways);
      if (always.length === 0) continue;
      context.report({
        file: channel.file,
        path: [...channel.path, 'hours'],
        message: `channel \`${String(channel.value.id)}\` is open only on \`${hours}\`, but it escalates to path \`${escalatesTo}\`, which serves ${always.map(namePriority).join(', ')} around the clock: the way in is closed when the path says it is open; set \`hours: 24x7\` or use another channel`,
        data: { channel: channel.value.id, hours, path: escalatesTo, priorities: always.map((pr) => ({ service: pr.service.value.id, priority: pr.value.id })) },
        related: [{ file: path.file, path: path.path, message: `path \`${escalatesTo}\` is defined here` }],
      });
    }
  },
});
