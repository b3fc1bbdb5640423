/**
 * The shapes of the partnership files of FORMAT.md v1, as they look once the
 * schema accepts them. Rules also run on files with schema findings, so every
 * field is optional here and rules check what they read (see `model/guards.ts`).
 *
 * The shapes are generated from the schemas (`src/model/generated/<kind>.ts`,
 * written by scripts/model-types.mjs when `npm run build` runs): a field added
 * to `schemas/<kind>.schema.json` is here with nothing more to write. This
 * module only gives them the names the code uses. Types only: nothing here
 * reaches the bundle.
 */
import type * as Budget from './generated/budget.js';
import type * as Config from './generated/config.js';
import type * as Contacts from './generated/contacts.js';
import type * as Escalation from './generated/escalation.js';
import type * as Governance from './generated/governance.js';
import type * as Measurements from './generated/measurements.js';
import type * as Objectives from './generated/objectives.js';
import type * as Partnership from './generated/partnership.js';
import type * as Raci from './generated/raci.js';
import type * as Review from './generated/review.js';
import type * as Risks from './generated/risks.js';
import type * as Slas from './generated/slas.js';
import type * as Waivers from './generated/waivers.js';

/** A money amount with its currency. */
export type Money = Partnership.Money;
export type PartyRef = Partnership.Party;
export type PartnershipFile = Partnership.PartnershipFile;
export type Party = NonNullable<Contact['party']>;

export type Contact = Contacts.Contact;
export type ContactsFile = Contacts.ContactsFile;

export type Role = Raci.Role;
/** `accountable` is exactly one role id; a list is accepted by the schema so that a rule can explain the mistake. */
export type Activity = Raci.Activity;
export type RaciFile = Raci.RaciFile;

export type Calendar = Slas.Calendar;
export type Priority = Slas.Priority;
export type CreditTier = Slas.Tier;
export type Service = Slas.Service;
export type SlasFile = Slas.SlasFile;

export type EscalationLevel = Escalation.Level;
export type EscalationPath = Escalation.Path;
export type EscalationFile = Escalation.EscalationFile;

export type Kpi = Objectives.Kpi;
export type TargetOp = NonNullable<NonNullable<Kpi['target']>['op']>;
export type Objective = Objectives.Objective;
export type ObjectivesFile = Objectives.ObjectivesFile;

export type Meeting = Governance.Meeting;
export type Cadence = NonNullable<Meeting['cadence']>;
export type Channel = Governance.Channel;
export type GovernanceFile = Governance.GovernanceFile;

export type Risk = Risks.Risk;
export type RisksFile = Risks.RisksFile;

export type BudgetLine = Budget.Line;
/** `period` is a string or, as YAML reads a bare year, a number. */
export type Actual = Budget.Actual;
export type BudgetFile = Budget.BudgetFile;

export type ClockStop = Measurements.ClockStop;
export type Incident = Measurements.Incident;
export type Downtime = Measurements.Downtime;
export type KpiValue = Measurements.KpiValue;
export type MeasurementsFile = Measurements.MeasurementsFile;

export type Action = Review.Action;
export type ReviewFile = Review.ReviewFile;

export type ConfigFile = Config.ConfigFile;

/** One accepted finding in waivers.yaml: which, why, who answers for it, until when. */
export type Waiver = Waivers.Waiver;
export type WaiversFile = Waivers.WaiversFile;
