/**
 * The analyst's notebook, examples/notebooks/reform.ipynb, executed end to end by a real Jupyter
 * (Debian's `jupyter-nbconvert`, installed by .ci/run) with the tslab TypeScript kernel, against
 * a fresh build of the package: no cell fails or writes to stderr, and its output holds the
 * reform's summary table exactly as the library renders it for the same synthetic year.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateClaims } from '../../seeds/generator.js';
import { defaultRules } from '../../src/scheme/embedded.js';
import { reformRules } from '../../src/scheme/reform.js';
import { summaryHtml } from '../../src/simulate/report/html.js';
import { createSimulation } from '../../src/simulate/core/simulation.js';
import { simulationReport } from '../../src/simulate/report/summary.js';
import { ROOT } from '../support/paths.js';

const root = ROOT;
const work = mkdtempSync(join(tmpdir(), 'bashunwei-notebook-'));
const notebook = join(work, 'examples', 'notebooks', 'reform.ipynb');
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
const text = (t: string | string[] | undefined): string => (Array.isArray(t) ? t.join('') : (t ?? ''));

beforeAll(() => {
  let jupyter = '';
  try {
    jupyter = execFileSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  } catch {
    // Said below.
  }
  expect(
    jupyter,
    'jupyter nbconvert is missing: apt-get install jupyter-nbconvert python3-nbclient jupyter-client (as .ci/run does)',
  ).not.toBe('');
  // The notebook imports ../../dist (the built package), as an analyst's clone does after
  // `npm run build`: a build of its own in a copy of the layout, so no other test's dist/ moves under it.
  execFileSync('npx', ['tsup', '--silent', '--out-dir', join(work, 'dist')], { cwd: root });
  mkdirSync(join(work, 'examples', 'notebooks'), { recursive: true });
  mkdirSync(join(work, 'tmp'));
  copyFileSync(join(root, 'examples/notebooks/reform.ipynb'), notebook);
  copyFileSync(join(root, 'package.json'), join(work, 'package.json'));
  for (const d of ['node_modules', 'seeds']) symlinkSync(join(root, d), join(work, d));
  // The tslab kernel, registered for this run only.
  const kernel = join(work, 'jupyter', 'kernels', 'tslab');
  mkdirSync(kernel, { recursive: true });
  writeFileSync(
    join(kernel, 'kernel.json'),
    JSON.stringify({
      argv: [
        process.execPath,
        join(root, 'node_modules/tslab/bin/tslab'),
        'kernel',
        '--config-path',
        '{connection_file}',
      ],
      display_name: 'TypeScript',
      language: 'typescript',
    }),
  );
  execFileSync(
    'jupyter',
    ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=300', notebook, '--output', executed],
    {
      cwd: work,
      stdio: 'pipe',
      // TMPDIR inside the work folder: what the notebook's cells write goes when the folder goes.
      env: {
        ...process.env,
        TMPDIR: join(work, 'tmp'),
        JUPYTER_PATH: join(work, 'jupyter'),
        JUPYTER_DATA_DIR: join(work, 'data'),
        JUPYTER_RUNTIME_DIR: join(work, 'runtime'),
        JUPYTER_CONFIG_DIR: join(work, 'config'),
      },
    },
  );
  cells = (JSON.parse(readFileSync(executed, 'utf8')) as { cells: typeof cells }).cells;
}, 400_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

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

  it('prints the counts and the per-county table of the figures as data', () => {
    const out = cells
      .flatMap((c) => c.outputs ?? [])
      .map((o) => text(o.text))
      .join('');
    expect(out).toContain('20000 claims read, 20000 settled, 0 refused');
    expect(out).toContain('Yanjiang');
  });
});
