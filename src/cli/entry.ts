/** What bin/govern.js loads: the runner and the real process I/O; and what a check or portfolio thread runs. */
export { run } from './main.js';
export { nodeIo } from './io.js';
export { checkThread } from './check-threads.js';

/** What a portfolio thread runs; the portfolio's modules are loaded only then. */
export async function portfolioThread(): Promise<void> {
  const { portfolioThread: body } = await import('./render-portfolio.js');
  await body();
}
