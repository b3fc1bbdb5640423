// Preloaded with `node --import` by output-atomic.test.ts: the first write of
// more than one character to a file (not stdout or stderr) writes half its
// text, then the process kills itself with SIGKILL, which nothing can catch or
// clean up after: a crash, or CI cancelling the job, in the middle of a write.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.writeSync;
fs.writeSync = function writeSyncThenDie(fd, data, ...rest) {
  if (fd > 2 && data.length > 1) {
    // A string, or the bytes of one (govern writes a Buffer, from an offset, with a length).
    const [offset = 0, length = data.length - offset] = typeof data === 'string' ? [] : rest;
    if (typeof data === 'string') original.call(fs, fd, data.slice(0, Math.floor(data.length / 2)));
    else original.call(fs, fd, data, offset, Math.floor(length / 2));
    fs.fsyncSync(fd);
    process.kill(process.pid, 'SIGKILL');
  }
  return original.call(fs, fd, data, ...rest);
};
// Named imports of node:fs (`import { writeSync } from 'node:fs'`) see the change.
syncBuiltinESMExports();
