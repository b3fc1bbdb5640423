import { asDate, asNumber, type ChangeRule, id, money, nameOf, neutral, onScale, plain, quote, show, tightened, weakened } from './context.js';
import { clientVoice } from './raci.js';

/** The change rules of partnership files. */
export const partnership: ChangeRule[] = [
  {
    pattern: 'contract.end',
    category: 'commercial',
    classify: (c) =>
      onScale(c, 'Contract end', {
        measure: asDate,
        worse: 'lower',
        up: 'moved later',
        down: "brought forward|the provider's obligations stop sooner",
        added: 'neutral',
        removed: 'neutral',
      }),
  },
  {
    pattern: 'contract.renewal.noticeDays',
    category: 'commercial',
    classify: (c) =>
      onScale(c, 'Notice period', {
        measure: asNumber,
        worse: 'higher',
        up: 'lengthened|notice must be given earlier',
        down: 'shortened',
        added: 'neutral',
        removed: 'neutral',
        show: (v) => `${show(v)} days`,
      }),
  },
  {
    pattern: 'contract.renewal.auto',
    category: 'commercial',
    classify: (c) =>
      neutral(
        c.after === true
          ? 'The contract now renews automatically unless notice is given'
          : c.after === false
            ? 'The contract no longer renews automatically'
            : plain(c, 'Automatic renewal'),
      ),
  },
  { pattern: 'contract.value', category: 'commercial', whole: true, classify: (c) => money(c, 'Contract value') },
  { pattern: 'contract.start', category: 'commercial', classify: (c) => neutral(plain(c, 'Contract start')) },
  { pattern: 'contract.reference', category: 'commercial', classify: (c) => neutral(plain(c, 'Contract reference')) },
  { pattern: 'owners.client', category: 'people', classify: (c) => neutral(plain(c, 'Client account lead')) },
  { pattern: 'owners.provider', category: 'people', classify: (c) => neutral(plain(c, 'Provider account lead')) },
  {
    pattern: 'scope.services.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? tightened(`Service ${nameOf(c, 'slas.yaml', 'services', id(c, 0))} added to the scope`)
        : weakened(`Service ${nameOf(c, 'slas.yaml', 'services', id(c, 0))} removed from the scope`),
  },
  {
    pattern: 'scope.exclusions.*',
    category: 'operational',
    classify: (c) =>
      c.change === 'added'
        ? weakened(`Exclusion added to the scope: ${quote(c.after)} is no longer the provider's to do`)
        : tightened(`Exclusion removed from the scope: ${quote(c.before)}`),
  },
  { pattern: 'changeManagement.window.from', category: 'governance', classify: (c) => neutral(plain(c, 'Start of the change window')) },
  { pattern: 'changeManagement.window.to', category: 'governance', classify: (c) => neutral(plain(c, 'End of the change window')) },
  {
    pattern: 'changeManagement.window.days.*',
    category: 'governance',
    classify: (c) => neutral(c.change === 'added' ? `Change window now also on ${show(c.after)}` : `Change window no longer on ${show(c.before)}`),
  },
  {
    pattern: 'changeManagement.approvers.*',
    category: 'governance',
    classify: (c) => clientVoice(c, (who) => ({ added: `${who} now approves changes`, removed: `${who} no longer approves changes` })),
  },
];
