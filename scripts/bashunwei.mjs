#!/usr/bin/env node
/**
 * `npm run settle -- FILE` (and `npm run demo`): runs the built command, dist/cli.js, and builds it
 * first only when it is missing or a source is newer than it (src/, rules/, package.json,
 * tsup.config.ts), the way make would. Measured on the 2-core machine: a call of the built command
 * takes about 0.7 s, `node --import tsx src/cli/bin.ts` about 1.3 s, and the old
 * `tsup && node dist/cli.js` 11 s or more, every time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const built = join(root, 'dist', 'cli.js');
const SOURCES = ['src', 'rules', 'package.json', 'tsup.config.ts'];

/** The latest modification time of a file, or of any file under a folder. */
function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

const stale =
  !existsSync(built) ||
  SOURCES.some((p) => existsSync(join(root, p)) && newest(join(root, p)) > statSync(built).mtimeMs);
if (stale) {
  process.stderr.write('bashunwei: building dist/ once (a source is newer than the build)…\n');
  // The embedded rule book is generated from rules/ first (scripts/embed-rules.ts), as `npm run build` does.
  execFileSync('npx', ['tsx', 'scripts/embed-rules.ts'], { cwd: root, stdio: 'inherit' });
  execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
}
await import(pathToFileURL(built).href);
