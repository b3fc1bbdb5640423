import type { EscalationPath } from '../model/partnership.js';
import { isObject, isString, stringsOf } from '../model/guards.js';
import { ALWAYS, type Item, type PartnershipIndex } from '../model/partnership-index.js';
import { defineRule } from './define-rule.js';

/** A priority as the index holds it, with its service. */
export type PriorityItem = PartnershipIndex['priorities'][number];

/** The calendar a priority's times are counted on: its own, else its service's; undefined when neither says. */
export function calendarOf(priority: PriorityItem): string | undefined {
  if (isString(priority.value.calendar)) return priority.value.calendar;
  return isString(priority.service.value.calendar) ? priority.service.value.calendar : undefined;
}

/** True when a priority's times are counted around the clock. */
export function isAlways(priority: PriorityItem): boolean {
  return calendarOf(priority) === ALWAYS;
}

/** Whether a path serves incidents of a service's priority (an absent or empty list means all). */
export function pathApplies(path: EscalationPath, serviceId: string, priorityId: string): boolean {
  const applies = isObject(path.appliesTo) ? path.appliesTo : {};
  const services = stringsOf(applies.services).map((s) => s.value);
  const priorities = stringsOf(applies.priorities).map((s) => s.value);
  return (services.length === 0 || services.includes(serviceId)) && (priorities.length === 0 || priorities.includes(priorityId));
}

/** The priorities a path serves, in slas.yaml order. */
export function prioritiesServedBy(p: PartnershipIndex, path: Item<EscalationPath>): PriorityItem[] {
  return p.priorities.filter((pr) => {
    const service = pr.service.value.id;
    return isString(service) && isString(pr.value.id) && pathApplies(path.value, service, pr.value.id);
  });
}

/** How a priority is named in messages: `P1` of `service-desk`. */
export function namePriority(priority: PriorityItem): string {
  return `\`${String(priority.value.id)}\` of \`${String(priority.service.value.id)}\``;
}

/** Every priority is served by at least one escalation path. */
export const escalationMissingPath = defineRule({
  id: 'escalation/missing-path',
  severity: 'warning',
  description: 'Every priority has an escalation path that applies to it.',
  run(context) {
    const p = context.partnership;
    if (!p.canResolve('escalation')) return;
    for (const pr of p.priorities) {
      const service = pr.service.value.id;
      if (!isString(service) || !isString(pr.value.id)) continue;
      const priorityId = pr.value.id;
      if (p.paths.some((path) => pathApplies(path.value, service, priorityId))) continue;
      const always = isAlways(pr);
      context.report({
        file: pr.file,
        path: [...pr.path, 'id'],
        message: always
          ? `priority ${namePriority(pr)} is counted 24x7 but no escalation path applies to it, so nobody is named to answer around the clock: add a path in escalation.yaml whose \`appliesTo\` covers it`
          : `no escalation path applies to priority ${namePriority(pr)}: add a path in escalation.yaml whose \`appliesTo\` covers it`,
        data: { service, priority: priorityId, calendar: calendarOf(pr) ?? null },
      });
    }
  },
});
