/**
 * The shapes of the partnership files of FORMAT.md v1, as they look once the
 * schema accepts them. Rules also run on files with schema findings, so every
 * field is optional here and rules check what they read (see `model/guards.ts`).
 */

/** A money amount with its currency. */
export interface Money {
  amount?: number;
  currency?: string;
  per?: 'month' | 'quarter' | 'year';
}

export interface PartyRef {
  id?: string;
  name?: string;
}

export interface PartnershipFile {
  id?: string;
  name?: string;
  client?: PartyRef;
  provider?: PartyRef;
  timezone?: string;
  contract?: {
    reference?: string;
    start?: string;
    end?: string;
    renewal?: { auto?: boolean; noticeDays?: number };
    value?: Money;
  };
  owners?: { client?: string; provider?: string };
  scope?: { services?: string[]; exclusions?: string[] };
  changeManagement?: {
    mode?: 'batched' | 'immediate';
    window?: { days?: string[]; from?: string; to?: string };
    approvers?: string[];
  };
}

export type Party = 'client' | 'provider';

export interface Contact {
  id?: string;
  name?: string;
  party?: Party;
  title?: string;
  email?: string;
  phone?: string;
  timezone?: string;
  hours?: string;
}

export interface ContactsFile {
  contacts?: Contact[];
}

export interface Role {
  id?: string;
  name?: string;
  party?: Party;
  holders?: string[];
}

export interface Activity {
  id?: string;
  name?: string;
  responsible?: string[];
  /** Exactly one role id; a list is accepted by the schema so that a rule can explain the mistake. */
  accountable?: string | string[];
  consulted?: string[];
  informed?: string[];
}

export interface RaciFile {
  roles?: Role[];
  activities?: Activity[];
}

export interface Calendar {
  id?: string;
  timezone?: string;
  /** Keys: a day (`mon`) or a day range (`mon-fri`); values: `"08:00-18:00"` or a list of such ranges. */
  hours?: Record<string, string | string[]>;
  holidays?: string[];
}

export interface Priority {
  id?: string;
  description?: string;
  calendar?: string;
  response?: string;
  resolution?: string;
  target?: number;
}

export interface CreditTier {
  below?: number;
  percent?: number;
}

export interface Service {
  id?: string;
  name?: string;
  calendar?: string;
  availability?: { target?: number; per?: 'month' | 'quarter' | 'year' };
  monthlyFee?: Money;
  clockStops?: string[];
  priorities?: Priority[];
  credits?: { tiers?: CreditTier[]; cap?: number };
}

export interface SlasFile {
  calendars?: Calendar[];
  services?: Service[];
}

export interface EscalationLevel {
  name?: string;
  after?: string;
  contacts?: string[];
  coverage?: string;
}

export interface EscalationPath {
  id?: string;
  appliesTo?: { services?: string[]; priorities?: string[] };
  levels?: EscalationLevel[];
}

export interface EscalationFile {
  paths?: EscalationPath[];
}

export type TargetOp = '>=' | '>' | '<=' | '<' | '==';

export interface Kpi {
  id?: string;
  name?: string;
  unit?: string;
  target?: { op?: TargetOp; value?: number; warn?: number };
  /** `measured`, `sla:<service>.availability` or `sla:<service>.<priority>`. */
  source?: string;
}

export interface Objective {
  id?: string;
  title?: string;
  owner?: string;
  kpis?: Kpi[];
}

export interface ObjectivesFile {
  objectives?: Objective[];
}

export type Cadence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';

export interface Meeting {
  id?: string;
  name?: string;
  cadence?: Cadence;
  day?: string;
  time?: string;
  duration?: string;
  timezone?: string;
  chair?: string;
  attendees?: string[];
  agenda?: string[];
}

export interface Channel {
  id?: string;
  kind?: 'phone' | 'email' | 'portal' | 'chat';
  address?: string;
  hours?: string;
  staffing?: 'first-line' | 'senior';
  escalatesTo?: string;
}

export interface GovernanceFile {
  meetings?: Meeting[];
  channels?: Channel[];
}

export interface Risk {
  id?: string;
  title?: string;
  likelihood?: number;
  impact?: number;
  owner?: string;
  mitigation?: string;
  contingency?: string;
  status?: 'open' | 'mitigating' | 'closed';
  reviewBy?: string;
}

export interface RisksFile {
  risks?: Risk[];
}

export interface BudgetLine {
  id?: string;
  name?: string;
  amount?: number;
  per?: 'month' | 'quarter' | 'year';
  service?: string;
}

export interface Actual {
  /** A period; YAML reads a bare year as a number. */
  period?: string | number;
  line?: string;
  amount?: number;
  note?: string;
}

export interface BudgetFile {
  currency?: string;
  lines?: BudgetLine[];
  actuals?: Actual[];
}

export interface ClockStop {
  from?: string;
  to?: string;
  reason?: string;
}

export interface Incident {
  id?: string;
  service?: string;
  priority?: string;
  opened?: string;
  responded?: string;
  resolved?: string;
  clockStops?: ClockStop[];
  summary?: string;
}

export interface Downtime {
  service?: string;
  from?: string;
  to?: string;
  planned?: boolean;
  note?: string;
}

export interface KpiValue {
  kpi?: string;
  value?: number;
}

export interface MeasurementsFile {
  period?: string | number;
  incidents?: Incident[];
  downtime?: Downtime[];
  kpis?: KpiValue[];
}

export interface Action {
  id?: string;
  title?: string;
  owner?: string;
  due?: string;
  status?: 'open' | 'done' | 'dropped';
}

export interface ReviewFile {
  period?: string | number;
  held?: string;
  /** The account lead's own words on the period (Markdown allowed), shown first in the review pack. */
  summary?: string;
  meeting?: string;
  attendees?: string[];
  decisions?: string[];
  actions?: Action[];
  feedback?: { client?: string; provider?: string };
}

export interface ConfigFile {
  rules?: Record<string, 'off' | 'warning' | 'error'>;
  templates?: string;
}

/** One accepted finding in waivers.yaml: which, why, who answers for it, until when. */
export interface Waiver {
  rule?: string;
  file?: string;
  /** An id, or a YAML path (`paths.0.levels.2`). */
  at?: string | number;
  reason?: string;
  owner?: string;
  expires?: string;
}

export interface WaiversFile {
  waivers?: Waiver[];
}
