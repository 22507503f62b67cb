/**
 * `bashunwei app --out DIR`
 *
 * Writes the policy workbench (docs/app.md) as static files into DIR: the page built with the
 * package (dist/app), which any static web server can host as it is. Everything the page does
 * happens in the browser; it calls no server. Exit 2 when the page was not built or DIR cannot be
 * written.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { appFiles, builtAppFolder } from '../service/routes/app.js';
import { parseArgs, UsageError } from './args.js';
import type { Io } from './io.js';

/**
 * Runs `app` and returns the exit code; `source` is the built page (default: the package's).
 *
 * @example
 * process.exitCode = await appCommand(['--out', 'site/workbench'], io);
 */
export async function appCommand(argv: readonly string[], io: Io, source = builtAppFolder()): Promise<number> {
  const { positional, flags } = parseArgs(argv, { out: true });
  if (positional.length > 0) throw new UsageError(`app takes no argument, not ${positional[0]}`);
  const out = flags.out;
  if (typeof out !== 'string') throw new UsageError('app writes the page into a folder: --out DIR');
  if (source === undefined || !existsSync(join(source, 'index.html'))) {
    io.err('bashunwei: the workbench page is not built: run `npm run build` (it writes dist/app)\n');
    return 2;
  }
  const files = appFiles(source);
  try {
    mkdirSync(out, { recursive: true });
    for (const name of files.keys()) copyFileSync(join(source, name), join(out, name));
  } catch (e) {
    io.err(`bashunwei: cannot write the page to ${out}: ${(e as Error).message}\n`);
    return 2;
  }
  const bytes = [...files.values()].reduce((s, f) => s + f.body.length, 0);
  io.out(
    `wrote the policy workbench to ${out} (${files.size} files, ${Math.round(bytes / 1024)} KB): host the folder on any static web server and open index.html over http(s) (browsers do not run a page's module scripts and workers from file://). Everything runs in the browser; it sends nothing anywhere.\n`,
  );
  return 0;
}
