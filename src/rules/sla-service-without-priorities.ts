import { defineRule } from './define-rule.js';

/** Every service has at least one priority. */
export const slaServiceWithoutPriorities = defineRule({
  id: 'sla/service-without-priorities',
  severity: 'warning',
  description: 'Every service has at least one priority with response and resolution targets.',
  run(context) {
    for (const service of context.partnership.services) {
      const list = service.value.priorities;
      if (list !== undefined && !Array.isArray(list)) continue;
      if (Array.isArray(list) && list.length > 0) continue;
      context.report({
        file: service.file,
        path: Array.isArray(list) ? [...service.path, 'priorities'] : [...service.path, 'id'],
        ...(Array.isArray(list) ? { at: 'key' as const } : {}),
        message: `service \`${String(service.value.id)}\` has no priorities, so it promises no response or resolution time: add at least one under \`priorities\``,
        data: { service: service.value.id },
      });
    }
  },
});
