import type { Rule } from './define-rule.js';
import { parseRules } from './builtin.js';
import { calendarHours } from './calendar-hours.js';
import { refUnknownBudgetLine } from './ref-unknown-budget-line.js';
import { refUnknownCalendar } from './ref-unknown-calendar.js';
import { refUnknownContact } from './ref-unknown-contact.js';
import { refUnknownKpi } from './ref-unknown-kpi.js';
import { refUnknownMeeting } from './ref-unknown-meeting.js';
import { refUnknownPath } from './ref-unknown-path.js';
import { refUnknownPriority } from './ref-unknown-priority.js';
import { refUnknownRole } from './ref-unknown-role.js';
import { refUnknownRoleOrContact } from './ref-unknown-role-or-contact.js';
import { refUnknownService } from './ref-unknown-service.js';

/**
 * Every rule, registered by hand: reading and schema findings first, then one
 * module per cross-file check. Order does not matter; output is sorted.
 */
export const allRules: readonly Rule[] = [
  ...parseRules,
  // references
  refUnknownBudgetLine,
  refUnknownCalendar,
  refUnknownContact,
  refUnknownKpi,
  refUnknownMeeting,
  refUnknownPath,
  refUnknownPriority,
  refUnknownRole,
  refUnknownRoleOrContact,
  refUnknownService,
  // calendars
  calendarHours,
];

/** A rule by id. */
export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
