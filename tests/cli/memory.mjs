// Preloaded into the command by the --lines memory test (NODE_OPTIONS=--import=…); the command itself is unchanged.
// Every 100 ms it runs a full garbage collection and records the JS heap still in use, which is what the command
// holds (V8 sizes its heap, and so the resident set, by allocation rate as well). On exit it writes that peak and
// the peak resident set size, in bytes, as JSON to the file named by JWTLENS_TEST_MEMORY.
import { writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
let liveHeap = 0;
const sample = () => {
  gc();
  liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
};
setInterval(sample, 100).unref();
process.on('exit', () => {
  sample();
  writeFileSync(process.env.JWTLENS_TEST_MEMORY, JSON.stringify({ liveHeap, maxRss: process.resourceUsage().maxRSS * 1024 }));
});
