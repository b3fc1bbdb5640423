/** What bin/govern.js loads: the runner and the real process I/O. */
export { run } from './main.js';
export { nodeIo } from './io.js';
