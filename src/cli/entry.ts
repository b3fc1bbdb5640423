/** What bin/govern.js loads: the runner and the real process I/O; and what a check thread runs. */
export { run } from './main.js';
export { nodeIo } from './io.js';
export { checkThread } from './check-threads.js';
