import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';
import { buildProgram, COMMAND_NAMES } from '../../src/cli/program.js';

// `govern check …` builds only the check command (building all twelve cost
// ~5 ms of every check); what a user sees must not change.
async function govern(args: string[]) {
  const io = memoryIo(args, { cwd: process.cwd(), env: {} });
  const code = await run(io);
  return { code, out: io.out(), err: io.err() };
}

const names = (args: string[]) => buildProgram(memoryIo(args, { cwd: process.cwd(), env: {} }), () => {}).commands.map((c) => c.name());

describe('the program for one command', () => {
  it('names its commands in the order they are built', () => {
    expect(names([])).toEqual(COMMAND_NAMES);
    expect(names(['help'])).toEqual(COMMAND_NAMES);
    expect(names(['chek'])).toEqual(COMMAND_NAMES);
  });

  it('builds only the command its first argument names', () => {
    for (const name of COMMAND_NAMES) expect(names([name, 'x'])).toEqual([name]);
  });

  it('prints the same help and the same errors as the whole program', async () => {
    for (const name of COMMAND_NAMES) {
      // `help NAME` goes through the whole program; `NAME --help` through the one command.
      const whole = await govern(['help', name]);
      const one = await govern([name, '--help']);
      expect(one, name).toEqual(whole);
    }
    const unknown = await govern(['check', '--no-such-option']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/unknown option '--no-such-option'/);
    const misspelt = await govern(['chek']);
    expect(misspelt.code).toBe(2);
    expect(misspelt.err).toMatch(/Did you mean check\?/);
  });
});
