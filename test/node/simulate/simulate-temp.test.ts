/**
 * The temporary space of a simulation (issue 13): created where `--tmp` says, removed when the run
 * ends, fails or is interrupted; a full disk or a directory that cannot be written is said plainly
 * (exit 2), never an internal error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../../seeds/generator.js';
import { simulateFile } from '../../../src/node/simulate/parallel.js';
import { SpillWriter } from '../../../src/node/simulate/spill.js';
import { TempSpaceError, asTempSpaceError } from '../../../src/node/simulate/temp-space.js';
import { bashunwei, shuffled, testFolder, writeNdjson } from '../../support/simulation-inputs.js';

const tmp = testFolder('temp');
afterAll(() => tmp.remove());

const claims = shuffled([...generateClaims({ claims: 45_000, seed: 4, year: 2018 })], 4);
const file = writeNdjson(tmp.file('claims.ndjson'), claims);
const scratch = (name: string): string => {
  const dir = tmp.file(name);
  mkdirSync(dir);
  return dir;
};

describe('the temporary folder', () => {
  it('is made in --tmp while the run needs it, and removed afterwards', async () => {
    const dir = scratch('tmp-used');
    const seen = new Set<string>();
    const result = await simulateFile({
      file,
      format: 'ndjson',
      variants: [{ name: 'b' }],
      workers: 1,
      tmp: dir,
      progress: () => readdirSync(dir).forEach((f) => seen.add(f)),
    });
    expect(result.lines).toBe(claims.length);
    expect([...seen].some((f) => f.startsWith('bashunwei-sim-'))).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  }, 600_000);

  it('is removed when the run fails midway', async () => {
    const dir = scratch('tmp-failed');
    // A directory where a file should be: reading it fails after the folder was made.
    await expect(
      simulateFile({ file: tmp.dir, format: 'ndjson', variants: [{ name: 'b' }], workers: 1, tmp: dir, size: 1 }),
    ).rejects.toThrow(/EISDIR/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is removed when the run is interrupted (SIGINT), and the process ends as interrupted', async () => {
    const dir = scratch('tmp-interrupted');
    const child = spawn(
      'node',
      ['--import', 'tsx', 'src/cli/bin.ts', 'simulate', file, '--tmp', dir, '--workers', '1'],
      { stdio: 'ignore' },
    );
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    // Wait until the run has written its partitions, then interrupt it.
    for (;;) {
      const run = readdirSync(dir).find((f) => f.startsWith('bashunwei-sim-'));
      if (run && readdirSync(join(dir, run)).some((f) => f.startsWith('marks-'))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGINT');
    expect(await ended).toEqual({ code: null, signal: 'SIGINT' });
    expect(readdirSync(dir)).toEqual([]);
  }, 600_000);
});

describe('a temporary directory that cannot take the files', () => {
  it.each([
    ['does not exist', () => tmp.file('no-such-dir'), 'ENOENT'],
    ['is a file', () => writeNdjson(tmp.file('a-file'), []), 'ENOTDIR'],
  ])('%s: exit 2, which directory and how to choose another', async (_, dir, code) => {
    const r = await bashunwei(['simulate', file, '--tmp', dir(), '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`bashunwei: cannot write in the temporary directory ${dir()} (${code}`);
    expect(r.err).toContain('choose a writable directory with --tmp DIR');
  });

  it('a full disk (a real ENOSPC from /dev/full) is a TempSpaceError that says how much space the run needs', () => {
    const w = new SpillWriter('/dev/full', 16, (e) => asTempSpaceError(e, '/scratch', 'about 530 MiB'));
    const payload = Buffer.alloc(64);
    let error: unknown;
    try {
      w.append(0, 1, payload, 0, payload.length);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TempSpaceError);
    expect((error as Error).message).toBe(
      'the temporary directory /scratch is full (ENOSPC): the simulation needs about 530 MiB there while it runs; free some space or choose another directory with --tmp DIR',
    );
  });

  // A real small file system needs a mount namespace (unshare, as an unprivileged user where the kernel allows it).
  const canMount =
    spawnSync('unshare', ['-r', '-m', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "${tmp.dir}"`]).status === 0;
  it.skipIf(!canMount)(
    'a full disk in the command: exit 2, the needed space said, the partial files removed',
    () => {
      const dir = scratch('tmp-small');
      const script =
        'mount -t tmpfs -o size=1m tmpfs "$1" && node --import tsx src/cli/bin.ts simulate "$2" --tmp "$1" --workers 1; code=$?; ls -A "$1"; exit $code';
      const r = spawnSync('unshare', ['-r', '-m', 'sh', '-c', script, 'sh', dir, file], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe(''); // no report, and nothing left in the temporary directory
      expect(r.stderr).toMatch(
        new RegExp(
          `^bashunwei: the temporary directory ${dir} is full \\(ENOSPC\\): the simulation needs about \\d+ MiB there while it runs`,
        ),
      );
    },
    600_000,
  );
});

it('a directory given as the input file is said to be one (exit 2)', async () => {
  const r = await bashunwei(['simulate', tmp.dir]);
  expect(r.code).toBe(2);
  expect(r.err).toBe(`bashunwei: cannot read ${tmp.dir}: it is a directory\n`);
});
