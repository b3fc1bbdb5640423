// Preloaded with `node --import` by writes.test.ts: someone saves the file GOVERN_TEST_EDIT names while govern
// is working (as an editor would while `govern add` prompts): just before govern flushes its new version.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const original = fs.fsyncSync;
let done = false;
fs.fsyncSync = function fsyncAfterAnEdit(fd, ...rest) {
  if (!done && fd > 2 && process.env.GOVERN_TEST_EDIT) {
    done = true;
    fs.appendFileSync(process.env.GOVERN_TEST_EDIT, '# edited meanwhile\n');
  }
  return original.call(fs, fd, ...rest);
};
syncBuiltinESMExports();
