// Baseline (c) of issue 4: read the NDJSON file and JSON.parse every line, nothing else. The same
// chunked reader as the simulation (4 MiB reads, lines split on newlines), so the floor is tight.
import { closeSync, openSync, readSync } from 'node:fs';

const fd = openSync(process.argv[2], 'r');
let buf = Buffer.allocUnsafe(4 << 20);
let have = 0;
let lines = 0;
for (;;) {
  const n = readSync(fd, buf, have, buf.length - have, null);
  const end = have + n;
  let start = 0;
  for (let nl = buf.indexOf(0x0a, start); nl >= 0 && nl < end; nl = buf.indexOf(0x0a, start)) {
    if (nl > start) JSON.parse(buf.toString('utf8', start, nl)), lines++;
    start = nl + 1;
  }
  if (n === 0) break;
  buf.copy(buf, 0, start, end);
  have = end - start;
}
closeSync(fd);
console.log(lines);
