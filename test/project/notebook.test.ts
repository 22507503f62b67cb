/**
 * The analyst's notebook, examples/notebooks/reform.ipynb, run as the README says, from a copy of
 * the project as a fresh clone has it: `npm run build`, `npm run notebook:kernel` (the kernel
 * Jupyter then starts is the one that command registered: no kernel.json of the test's own), then
 * executed end to end by a real Jupyter (`jupyter nbconvert --execute` where the README says
 * `jupyter notebook`; Debian's `jupyter-nbconvert`, which `npm test` installs when it is missing):
 * no cell fails or writes to stderr, and its output holds the reform's summary table exactly as
 * the library renders it for the same synthetic year. Jupyter's folders (kernels, runtime,
 * config) and the notebook's temporary files live in the test's folder, not in the user's home.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { reformRules } from '../../src/scheme/reform.js';
import { summaryHtml } from '../../src/simulate/report/html.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { freshClone } from '../support/fresh-clone.js';
import { tempDir } from '../support/helpers.js';

const work = tempDir('notebook');
const clone = join(work, 'clone');
const executed = join(work, 'executed.ipynb');

interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
  ename?: string;
  evalue?: string;
}
let cells: { cell_type: string; outputs?: Output[] }[] = [];
let kernel: { argv: string[] } = { argv: [] };
const text = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));
/** Everything the cells printed (stdout and stderr). */
const printed = (): string =>
  cells
    .flatMap((c) => c.outputs ?? [])
    .map((o) => text(o.text))
    .join('');

beforeAll(() => {
  let jupyter = '';
  try {
    jupyter = execFileSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  } catch {
    // Said below.
  }
  expect(
    jupyter,
    'jupyter nbconvert is missing: run npm test, which installs it (scripts/test-setup.mjs), or apt-get install jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel',
  ).not.toBe('');
  mkdirSync(clone);
  freshClone(clone);
  mkdirSync(join(work, 'tmp'));
  const env = {
    ...process.env,
    // TMPDIR inside the work folder: what the notebook's cells write goes when the folder goes.
    TMPDIR: join(work, 'tmp'),
    JUPYTER_DATA_DIR: join(work, 'jupyter-data'),
    JUPYTER_RUNTIME_DIR: join(work, 'jupyter-runtime'),
    JUPYTER_CONFIG_DIR: join(work, 'jupyter-config'),
  };
  // The README's commands, as written (npm ci is the link to the project's node_modules).
  execFileSync('npm', ['run', 'build'], { cwd: clone, env, stdio: 'pipe', timeout: 600_000 });
  execFileSync('npm', ['run', 'notebook:kernel'], { cwd: clone, env, stdio: 'pipe', timeout: 300_000 });
  kernel = JSON.parse(readFileSync(join(work, 'jupyter-data', 'kernels', 'tslab', 'kernel.json'), 'utf8'));
  execFileSync(
    'jupyter',
    [
      'nbconvert',
      '--to',
      'notebook',
      '--execute',
      '--ExecutePreprocessor.timeout=600',
      'examples/notebooks/reform.ipynb',
      '--output',
      executed,
    ],
    { cwd: clone, env, stdio: 'pipe', timeout: 900_000 },
  );
  cells = (JSON.parse(readFileSync(executed, 'utf8')) as { cells: typeof cells }).cells;
}, 1_800_000);

describe('the analyst notebook (examples/notebooks/reform.ipynb)', () => {
  it('runs every cell with no error and nothing on stderr', () => {
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.length).toBeGreaterThan(4);
    const problems = code.flatMap((c) =>
      (c.outputs ?? [])
        .filter((o) => o.output_type === 'error' || o.name === 'stderr')
        .map((o) => `${o.ename ?? o.name}: ${o.evalue ?? text(o.text)}`),
    );
    expect(problems).toEqual([]);
  });

  it("shows the reform's summary table and chart, equal to the library's for the same synthetic year", () => {
    const html = cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => text(o.data?.['text/html']))
      .find((h) => h.includes('data-figure="summary[0]'));
    expect(html, 'no output holds the summary table').toBeDefined();
    const reform = reformRules(defaultRules(), [
      { set: 'ziyang-2017', file: 'tiers/tilt-payment.json', path: 'shares.in-scope.ratio', value: '0.40' },
    ]);
    if (!reform.ok) throw new Error('reform');
    const variants = [
      { name: 'baseline', rules: defaultRules() },
      { name: 'tilt 40%', rules: reform.value },
    ];
    const sim = createSimulation({ variants });
    for (const c of generateClaims({ claims: 20_000, seed: 2018, year: 2018 })) sim.add(c);
    expect(html!.trim()).toBe(
      summaryHtml(
        simulationReport(
          sim.result(),
          variants.map((v) => v.rules),
        ),
      ).trim(),
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<svg');
  });

  it("is started by the kernel `npm run notebook:kernel` registered: this Node and the clone's tslab, by absolute paths", () => {
    // Reported: `npx tslab install` wrote a bare `tslab`, on no PATH for a local install.
    expect(kernel.argv.slice(0, 3)).toEqual([process.execPath, join(clone, 'node_modules/tslab/bin/tslab'), 'kernel']);
  });

  it("prints the period of a rule set with no end as the report writes it, never the engine's far date", () => {
    // Reported: the notebook printed 2022-01-01–9999-12-31.
    const out = printed();
    expect(out).toContain('ziyang-2017 2017-03-17 – 2020-12-31, ziyang-2022 2022-01-01 起 on');
    expect(out).not.toContain('9999');
  });

  it('prints the counts and the per-county table of the figures as data', () => {
    const out = printed();
    expect(out).toContain('20000 claims read, 20000 settled, 0 refused');
    expect(out).toContain('Yanjiang');
  });
});
