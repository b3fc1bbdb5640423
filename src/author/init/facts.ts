import { DateTime } from '../../time/zoned.js';
import type { InitAnswers } from '../init-questions.js';
import { findProfile, type SlaProfile } from '../profiles.js';
import { slugify, uniqueId } from '../validate.js';
import type { InitOptions } from './index.js';

/** A service of the new partnership, with its id and SLA profile. */
export interface Service {
  id: string;
  name: string;
  profile: SlaProfile;
}

/** What every file of a new partnership is written from: the answers, the options, and the ids and addresses worked out once. */
export type InitFacts = ReturnType<typeof initFacts>;

/** Works out the ids, contacts and dates the files share. Pure. */
export function initFacts(answers: InitAnswers, options: InitOptions) {
  const clientId = slugify(answers.client);
  const providerId = uniqueId(slugify(answers.provider), new Set([clientId]), 'provider');
  const ids = new Set<string>();
  const clientLead = uniqueId(slugify(answers.clientLead.name), ids, 'client-lead');
  ids.add(clientLead);
  const providerLead = uniqueId(slugify(answers.providerLead.name), ids, 'provider-lead');
  ids.add(providerLead);
  const desk = uniqueId(`${providerId}-service-desk`, ids);
  ids.add(desk);
  const duty = uniqueId(`${providerId}-duty-manager`, ids);

  const serviceIds = new Set<string>();
  const services: Service[] = answers.services.map((s) => {
    const id = uniqueId(slugify(s.name), serviceIds, 'service');
    serviceIds.add(id);
    return { id, name: s.name, profile: findProfile(s.profile)! };
  });
  const any24x7 = services.some((s) => s.profile.calendar === '24x7');
  const needsDuty = services.some((s) => s.profile.levels.some((l) => l.who === 'duty-manager'));
  const domain = answers.providerLead.email.split('@')[1] ?? `${providerId}.example`;
  const taken = new Set([answers.clientLead.email.toLowerCase(), answers.providerLead.email.toLowerCase()]);
  const freeEmail = (local: string): string => {
    for (let n = 1; ; n++) {
      const candidate = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!taken.has(candidate.toLowerCase())) {
        taken.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };
  const deskEmail = freeEmail('servicedesk');
  const dutyEmail = needsDuty ? freeEmail('oncall') : '';
  const who = { desk, 'duty-manager': duty, 'account-lead': providerLead } as const;
  const pathId = (s: Service): string => `${s.id}-escalation`;
  const reviewBy = DateTime.fromISO(answers.start > options.today ? answers.start : options.today)
    .plus({ months: 3 })
    .toISODate()!;
  return {
    answers,
    options,
    clientId,
    providerId,
    ids,
    clientLead,
    providerLead,
    desk,
    duty,
    serviceIds,
    services,
    any24x7,
    needsDuty,
    domain,
    taken,
    freeEmail,
    deskEmail,
    dutyEmail,
    who,
    pathId,
    reviewBy,
  };
}
