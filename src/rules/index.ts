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
// partnership, contacts, RACI, risks, budget, formats, files, ids
import { budgetCurrency } from './budget-currency.js';
import { budgetOverspend } from './budget-overspend.js';
import { contactsDuplicateEmail } from './contacts-duplicate-email.js';
import { contactsPhone } from './contacts-phone.js';
import { contactsUnreferenced } from './contacts-unreferenced.js';
import { contractDates } from './contract-dates.js';
import { contractExpired } from './contract-expired.js';
import { contractNoticePassed } from './contract-notice-passed.js';
import { contractNoticeWindow } from './contract-notice-window.js';
import { contractRenewalUnrecorded } from './contract-renewal-unrecorded.js';
import { filesUnknown } from './files-unknown.js';
import { formatTimezone } from './format-timezone.js';
import { idDuplicate } from './id-duplicate.js';
import { partnershipChangeWindow } from './partnership-change-window.js';
import { partnershipDuplicateId } from './partnership-duplicate-id.js';
import { partnershipOwnerParty } from './partnership-owner-party.js';
import { raciAccountableCount } from './raci-accountable-count.js';
import { raciConsultedAndInformed } from './raci-consulted-and-informed.js';
import { raciResponsibleMissing } from './raci-responsible-missing.js';
import { raciRoleWithoutHolders } from './raci-role-without-holders.js';
import { risksHighScorePlan } from './risks-high-score-plan.js';
import { risksStaleReview } from './risks-stale-review.js';
// SLAs, escalation, objectives, governance, measurements, reviews
import { calendarRedefined24x7 } from './calendar-redefined-24x7.js';
import { escalationAfterOrder } from './escalation-after-order.js';
import { escalationFirstLevel24x7 } from './escalation-first-level-24x7.js';
import { escalationLastLevelLate } from './escalation-last-level-late.js';
import { escalationMissingPath } from './escalation-missing-path.js';
import { escalationNoSenior24x7 } from './escalation-no-senior-24x7.js';
import { escalationSameContacts } from './escalation-same-contacts.js';
import { governanceChannelHours } from './governance-channel-hours.js';
import { governanceMeetingDay } from './governance-meeting-day.js';
import { governanceNoReviewMeeting } from './governance-no-review-meeting.js';
import { importMapping } from './import-mapping.js';
import { measurementsClockStopReason } from './measurements-clock-stop-reason.js';
import { measurementsOutsidePeriod } from './measurements-outside-period.js';
import { measurementsPeriodMismatch } from './measurements-period-mismatch.js';
import { measurementsTimeOrder } from './measurements-time-order.js';
import { objectivesKpiNeverMeasured } from './objectives-kpi-never-measured.js';
import { objectivesNoKpis } from './objectives-no-kpis.js';
import { objectivesUnknownSlaSource } from './objectives-unknown-sla-source.js';
import { objectivesWarnSide } from './objectives-warn-side.js';
import { reviewsOverdueAction } from './reviews-overdue-action.js';
import { reviewsPeriodMismatch } from './reviews-period-mismatch.js';
import { slaCreditCap } from './sla-credit-cap.js';
import { slaCreditTiersOrder } from './sla-credit-tiers-order.js';
import { slaDayDuration } from './sla-day-duration.js';
import { slaDurationTooLong } from './sla-duration-too-long.js';
import { slaResolutionBeforeResponse } from './sla-resolution-before-response.js';
import { slaServiceWithoutPriorities } from './sla-service-without-priorities.js';
// waivers
import { waiversExpired } from './waivers-expired.js';
import { waiversExpiryTooFar } from './waivers-expiry-too-far.js';
import { waiversUnused } from './waivers-unused.js';
import { waiversUnwaivable } from './waivers-unwaivable.js';

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
  // partnership, contacts, RACI, risks, budget, formats, files, ids
  contractDates,
  contractNoticeWindow,
  contractNoticePassed,
  contractExpired,
  contractRenewalUnrecorded,
  partnershipDuplicateId,
  partnershipOwnerParty,
  partnershipChangeWindow,
  idDuplicate,
  contactsDuplicateEmail,
  contactsPhone,
  contactsUnreferenced,
  raciAccountableCount,
  raciResponsibleMissing,
  raciRoleWithoutHolders,
  raciConsultedAndInformed,
  risksHighScorePlan,
  risksStaleReview,
  budgetCurrency,
  budgetOverspend,
  formatTimezone,
  filesUnknown,
  // SLAs, escalation, objectives, governance, measurements, reviews
  calendarRedefined24x7,
  escalationAfterOrder,
  escalationFirstLevel24x7,
  escalationLastLevelLate,
  escalationMissingPath,
  escalationNoSenior24x7,
  escalationSameContacts,
  governanceChannelHours,
  governanceMeetingDay,
  governanceNoReviewMeeting,
  importMapping,
  measurementsClockStopReason,
  measurementsOutsidePeriod,
  measurementsPeriodMismatch,
  measurementsTimeOrder,
  objectivesKpiNeverMeasured,
  objectivesNoKpis,
  objectivesUnknownSlaSource,
  objectivesWarnSide,
  reviewsOverdueAction,
  reviewsPeriodMismatch,
  slaCreditCap,
  slaCreditTiersOrder,
  slaDayDuration,
  slaDurationTooLong,
  slaResolutionBeforeResponse,
  slaServiceWithoutPriorities,
  // calendars
  calendarHours,
  // waivers
  waiversExpired,
  waiversExpiryTooFar,
  waiversUnwaivable,
  waiversUnused,
];

/** A rule by id. */
export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
