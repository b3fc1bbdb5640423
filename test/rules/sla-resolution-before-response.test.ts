import { describe, expect, it } from 'vitest';
import { slaResolutionBeforeResponse as rule } from '../../src/rules/sla-resolution-before-response.js';
import { brief, checkFiles, only, PARTNERSHIP } from '../helpers/memory.js';

const slas = (response: string, resolution: string) => `services:
  - id: desk
    name: Desk
    calendar: 24x7
    priorities:
      - id: P1
        response: ${response}
        resolution: ${resolution}
`;
const at = (line: number) => ({ ruleId: 'sla/resolution-before-response', file: 'slas.yaml', line, severity: 'error' });

describe('sla/resolution-before-response', () => {
  it.each([
    { name: 'resolution shorter than response', response: '4h', resolution: '1h', expected: [at(8)] },
    { name: 'units mixed: ISO against short form', response: 'PT2H', resolution: '90m', expected: [at(8)] },
    { name: 'days against hours', response: '1d', resolution: '20h', expected: [at(8)] },
    { name: 'equal times are fine', response: '4h', resolution: '4h', expected: [] },
    { name: 'longer resolution is fine', response: '15m', resolution: '4h', expected: [] },
    { name: 'a malformed duration is left to the schema', response: 'soon', resolution: '1h', expected: [] },
  ])('$name', ({ response, resolution, expected }) => {
    expect(brief(only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas(response, resolution) }, { rule })))).toEqual(expected);
  });

  it('names both times', () => {
    const [finding] = only(rule.id, checkFiles({ 'partnership.yaml': PARTNERSHIP, 'slas.yaml': slas('4h', '1h') }, { rule }));
    expect(finding!.message).toBe(
      'priority `P1` of `desk` must be resolved within 1h but only responded to within 4h: the resolution time cannot be shorter than the response time',
    );
    expect(finding!.data).toMatchObject({ response: '4h', resolution: '1h' });
  });
});
