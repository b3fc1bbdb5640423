import { describe, expect, it, vi } from 'vitest';

// src/io/tiering.ts lets the loader's held-back compilers go once a run has
// read LONG_RUN_BYTES (or when asked). The loader's state is on globalThis;
// here it is a stand-in, set before the module is loaded.

describe('tiering', () => {
  it('lets the compilers go once more than LONG_RUN_BYTES are read, not before, and once', async () => {
    const state = { held: true, release: vi.fn(() => (state.held = false)) };
    (globalThis as Record<symbol, unknown>)[Symbol.for('govern.tiering')] = state;
    vi.resetModules();
    const { countRead, LONG_RUN_BYTES } = await import('../../src/io/tiering.js');
    countRead(LONG_RUN_BYTES - 10);
    countRead(10);
    expect(state.release).not.toHaveBeenCalled();
    countRead(1);
    expect(state.release).toHaveBeenCalledTimes(1);
    countRead(LONG_RUN_BYTES);
    expect(state.release).toHaveBeenCalledTimes(1);
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('govern.tiering')];
  });

  it('does nothing outside the bundle (no loader state)', async () => {
    vi.resetModules();
    const { countRead, optimiseFromHere } = await import('../../src/io/tiering.js');
    expect(() => {
      countRead(1 << 30);
      optimiseFromHere();
    }).not.toThrow();
  });
});
