// Preloaded with `node --import` by writes.test.ts: a disk that fills up. Writes to files (not stdout or
// stderr) take at most GOVERN_TEST_DISK_BYTES bytes in all; the write that would go past that writes what
// fits and the next one fails with ENOSPC, as a nearly full disk does.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.writeSync;
let room = Number(process.env.GOVERN_TEST_DISK_BYTES ?? '4096');
fs.writeSync = function writeSyncOnAFullDisk(fd, data, ...rest) {
  if (fd <= 2) return original.call(fs, fd, data, ...rest);
  const buffer = typeof data === 'string' ? Buffer.from(data) : data;
  const [offset = 0, length = buffer.length - offset] = typeof data === 'string' ? [] : rest;
  if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
  const n = original.call(fs, fd, buffer, offset, Math.min(length, room));
  room -= n;
  return n;
};
syncBuiltinESMExports();
