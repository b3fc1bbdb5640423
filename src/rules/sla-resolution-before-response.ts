import { parseDuration } from '../sla/duration.js';
import { defineRule } from './define-rule.js';
import { namePriority } from './escalation-missing-path.js';

/** A priority's resolution time is not shorter than its response time. */
export const slaResolutionBeforeResponse = defineRule({
  id: 'sla/resolution-before-response',
  severity: 'error',
  description: 'A priority does not have to be resolved before it has to be responded to.',
  run(context) {
    for (const pr of context.partnership.priorities) {
      const response = parseDuration(pr.value.response);
      const resolution = parseDuration(pr.value.resolution);
      if (!response || !resolution || resolution.minutes >= response.minutes) continue;
      context.report({
        file: pr.file,
        path: [...pr.path, 'resolution'],
        message: `priority ${namePriority(pr)} must be resolved within ${String(pr.value.resolution)} but only responded to within ${String(pr.value.response)}: the resolution time cannot be shorter than the response time`,
        data: { service: pr.service.value.id, priority: pr.value.id, response: pr.value.response, resolution: pr.value.resolution },
      });
    }
  },
});
