/**
 * The layer rules (.dependency-cruiser.cjs, run by `npm run lint`) hold for src/, and they are
 * rules that can fail: on a scratch tree with an upward import, an import loop (type-only imports
 * included), one kind importing another, and a Node module in the browser core, each is reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.js';

const depcruise = join(ROOT, 'node_modules', '.bin', 'depcruise');
const dir = mkdtempSync(join(tmpdir(), 'bashunwei-layers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (path: string, text: string): void => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

describe('the layer rules', () => {
  it('find nothing wrong in src/', () => {
    const out = execFileSync(depcruise, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(out).toMatch(/no dependency violations found/);
  }, 600_000);

  it('report an upward import, an import loop, one kind importing another and a Node module in the browser core', () => {
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
    write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    // money looks up at settle.
    write('src/money/fen.ts', "import { settle } from '../settle/settle.js';\nexport const fen = settle;\n");
    write('src/settle/settle.ts', 'export const settle = 1;\n');
    // A loop through a type-only import.
    write('src/claim/a.ts', "import type { B } from './b.js';\nexport type A = B | 1;\n");
    write('src/claim/b.ts', "import type { A } from './a.js';\nexport type B = A | 2;\n");
    // One kind reaching into another.
    write(
      'src/kinds/table/step.ts',
      "import { bracketsAmount } from '../brackets/params.js';\nexport const x = bracketsAmount;\n",
    );
    write('src/kinds/brackets/params.ts', 'export const bracketsAmount = 1;\n');
    // A Node module below the Node adapters.
    write(
      'src/simulate/core/simulation.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    );
    const r = spawnSync(depcruise, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/layer: money: src\/money\/fen\.ts → src\/settle\/settle\.ts/);
    expect(out).toMatch(/no-cycles: src\/claim\/a\.ts/);
    expect(out).toMatch(/kinds-are-independent: src\/kinds\/table\/step\.ts → src\/kinds\/brackets\/params\.ts/);
    expect(out).toMatch(/browser-core-imports-no-node: src\/simulate\/core\/simulation\.ts → (node:)?fs/);
  }, 600_000);
});
