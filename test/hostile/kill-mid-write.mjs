// Preloaded with `node --import` by output-atomic.test.ts: the first write of
// more than one character to a file (not stdout or stderr) writes half its
// text, then the process kills itself with SIGKILL, which nothing can catch or
// clean up after: a crash, or CI cancelling the job, in the middle of a write.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.writeSync;
fs.writeSync = function writeSyncThenDie(fd, data, ...rest) {
  if (fd > 2 && typeof data === 'string' && data.length > 1) {
    original.call(fs, fd, data.slice(0, Math.floor(data.length / 2)));
    fs.fsyncSync(fd);
    process.kill(process.pid, 'SIGKILL');
  }
  return original.call(fs, fd, data, ...rest);
};
// Named imports of node:fs (`import { writeSync } from 'node:fs'`) see the change.
syncBuiltinESMExports();
