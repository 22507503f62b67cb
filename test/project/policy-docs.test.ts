/**
 * The policy pages, docs/policy-2017.md and docs/policy-2022.md, are the project's own statement of
 * what the engine pays: comments cite their sections, and they quote the worked cases and the
 * parameters of the rule folders. This test keeps them from drifting:
 * - every citation of a page (`docs/policy-2017.md §4 tier 3`, `§5.1`, `§2–§6`, `section 8`…) in the
 *   code, the tests, the rules and the docs names a section the page has;
 * - nothing cites the specification's own files, which a reader of the repository does not have;
 * - every claim of every case in the rule folder's tests/ has its table in the page's worked
 *   examples, with exactly the figures the case expects;
 * - every row of a page's parameter table is the value and status of the rule file it names, and
 *   every parameter of the folder is in a table;
 * - every clause the folder cites is in the page's clause table, and every link of the pages resolves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { listParameters, type ParameterInfo } from '../../src/index.js';
import { loadRuleSet } from '../../src/node/index.js';
import { ROOT } from '../support/paths.js';

/** The two pages, their rule folders and the sections that hold their parameters and examples. */
const PAGES = {
  'docs/policy-2017.md': { folder: 'rules/ziyang-2017', parameters: '8', examples: '9' },
  'docs/policy-2022.md': { folder: 'rules/ziyang-2022', parameters: '5', examples: '6' },
} as const;
type PageName = keyof typeof PAGES;
const PAGE_NAMES = Object.keys(PAGES) as PageName[];
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

// ── Markdown, as far as the pages need it ─────────────────────────────────────────────────────────

interface Heading {
  readonly level: number;
  readonly text: string;
}

/** The headings of a Markdown text, outside fenced code blocks. */
function headings(text: string): Heading[] {
  const out: Heading[] = [];
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6}) (.+)$/.exec(line);
    if (m) out.push({ level: m[1]!.length, text: m[2]!.trim() });
  }
  return out;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The sections a page defines: `4` (`## 4. …`), `3.1` (`### 3.1 …`), `4 tier 2` (`### Tier 2 …` inside §4). */
function sectionIds(text: string): Set<string> {
  const ids = new Set<string>();
  let current = '';
  for (const h of headings(text)) {
    const top = h.level === 2 ? /^(\d+)\. /.exec(h.text) : null;
    if (h.level === 2) current = top ? top[1]! : '';
    if (top) ids.add(top[1]!);
    const sub = h.level === 3 ? /^(\d+\.\d+) /.exec(h.text) : null;
    if (sub) ids.add(sub[1]!);
    const tier = h.level === 3 ? /^Tier (\d+) /.exec(h.text) : null;
    if (tier) ids.add(`${current} tier ${tier[1]}`);
  }
  return ids;
}

interface Table {
  readonly header: string[];
  readonly rows: string[][];
  /** Line number (1-based) of the header, for messages. */
  readonly line: number;
}

/** The pipe tables of a Markdown text: header cells and row cells, trimmed. */
function tables(text: string): Table[] {
  const lines = text.split('\n');
  const out: Table[] = [];
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim());
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|[\s:|-]+\|$/.test(lines[i + 1]?.trim() ?? '')) continue;
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) rows.push(cells(lines[j]!));
    out.push({ header: cells(lines[i]!), rows, line: i + 1 });
    i = j - 1;
  }
  return out;
}

// ── Citations ─────────────────────────────────────────────────────────────────────────────────────

interface Citation {
  readonly page: PageName;
  /** `4`, `5.1`, or undefined for a bare `tier 3`. */
  readonly section: string | undefined;
  readonly tier: number | undefined;
  readonly text: string;
}

const CITED_PAGE = /docs\/policy-(2017|2022)\.md/g;
const CITATION_PART =
  /^(\s*(?:,|–|and|or)?\s*)(?:§\s?(\d+(?:\.\d+)?)|section (\d+(?:\.\d+)?)|tiers? (\d+)(?:\s?[–-]\s?(\d+))?)/;

/**
 * The sections a text cites of the two pages. Comments are read as running text (a citation may
 * break over lines); after the page's name come sections, ranges and tiers: `§4 tier 2`, `§5.1, §5.2`,
 * `§2–§6`, `§4 tiers 4–7`, `section 8`, or a bare `tier 3`.
 */
function citations(source: string): Citation[] {
  const text = source.replace(/\s*\n\s*(?:\*(?!\/)\s*|\/\/\s*)?/g, ' ');
  const out: Citation[] = [];
  for (const m of text.matchAll(CITED_PAGE)) {
    const page = `docs/policy-${m[1]}.md` as PageName;
    const after = m.index! + m[0].length;
    let rest = text.slice(after, after + 120);
    let section: string | undefined;
    let cited = m[0];
    for (let p = CITATION_PART.exec(rest); p; p = CITATION_PART.exec(rest)) {
      cited += p[0];
      const named = p[2] ?? p[3];
      if (named !== undefined) {
        // `§2–§6`: every section of the range.
        const from =
          p[1]!.includes('–') && section && /^\d+$/.test(section) && /^\d+$/.test(named) ? +section + 1 : +named;
        for (let s = from; s < +named; s++) out.push({ page, section: String(s), tier: undefined, text: cited });
        section = named;
        out.push({ page, section, tier: undefined, text: cited });
      } else {
        const last = p[5] === undefined ? +p[4]! : +p[5];
        for (let t = +p[4]!; t <= last; t++) out.push({ page, section, tier: t, text: cited });
      }
      rest = rest.slice(p[0].length);
    }
  }
  return out;
}

/** Whether a page has the section a citation names. */
function resolves(c: Citation, ids: ReadonlySet<string>): boolean {
  if (c.tier === undefined) return ids.has(c.section!);
  if (c.section !== undefined) return ids.has(`${c.section} tier ${c.tier}`);
  return [...ids].some((id) => id.endsWith(` tier ${c.tier}`));
}

/** The text files of the repository where citations live (sources, tests, rules, docs, examples). */
function repositoryTexts(): string[] {
  const out = ['README.md'];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const path = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (/\.(ts|mts|cts|js|mjs|cjs|json|md|ipynb)$/.test(name)) out.push(path);
    }
  };
  for (const dir of ['src', 'test', 'bench', 'rules', 'docs', 'examples', 'seeds', 'schema']) {
    if (existsSync(join(ROOT, dir))) walk(dir);
  }
  return out;
}

// ── Rule folders ──────────────────────────────────────────────────────────────────────────────────

interface Case {
  readonly file: string;
  readonly expected: readonly Record<string, unknown>[];
}

/** The worked cases of a rule folder. */
function cases(folder: string): Case[] {
  const dir = join(folder, 'tests');
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: join(dir, f), expected: JSON.parse(read(join(dir, f))).expected }));
}

/** The parameters of a rule folder, its `extends` resolved. */
function parameters(folder: string): ParameterInfo[] {
  const set = loadRuleSet(join(ROOT, folder));
  if (!set.ok) throw new Error(JSON.stringify(set.errors));
  return listParameters(set.value.files);
}

/** A value at a dotted path of a rule file as written (for what is not a dated parameter, e.g. `inForce.from`). */
function rawValue(folder: string, file: string, path: string): unknown {
  const full = join(ROOT, folder, file);
  if (!existsSync(full)) return undefined;
  let node: unknown = JSON.parse(readFileSync(full, 'utf8'));
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/** The clause ids a rule folder's own files cite. */
function clausesOf(folder: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = join(dir, name);
      if (name === 'tests') continue;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else for (const m of read(path).matchAll(/"clause":\s*"([^"]+)"/g)) out.add(m[1]!);
    }
  };
  walk(folder);
  return out;
}

// ── The pages' own formats ────────────────────────────────────────────────────────────────────────

/** A parameter table's row: `| parameter | value | status | file | path |`. */
interface ParameterRow {
  readonly value: string;
  readonly status: string;
  readonly file: string;
  readonly path: string;
}

function parameterRows(page: PageName): ParameterRow[] {
  const unquote = (s: string) => s.replace(/^`|`$/g, '');
  return tables(read(page))
    .filter((t) => t.header.join('|') === 'parameter|value|status|file|path')
    .flatMap((t) => t.rows)
    .map(([, value, status, file, path]) => ({
      value: value!,
      status: status!,
      file: unquote(file!),
      path: unquote(path!),
    }));
}

/** A figure as the pages write it (`150,000`, `75%`, `× 0.5`, `+ 5 points`) as a decimal. */
function figure(text: string): Decimal {
  const t = text.replace(/,/g, '').trim();
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (percent) return new Decimal(percent[1]!).div(100);
  const points = /^\+ (\d+(?:\.\d+)?) points?$/.exec(t);
  if (points) return new Decimal(points[1]!).div(100);
  const factor = /^× (\d+(?:\.\d+)?)$/.exec(t);
  return new Decimal(factor ? factor[1]! : t);
}

/**
 * Whether a page's value is the rule file's: a date as written, brackets written
 * `55% to 50,000; 65% to 100,000; 75% above`, any other figure as a decimal.
 */
function sameValue(page: string, file: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(page)) return page === file;
  if (file.startsWith('[')) {
    const brackets = JSON.parse(file) as { upTo: string | null; ratio: string }[];
    const written = page.split(';').map((part) => {
      const m = /^\s*(.+?) (?:to (.+)|above)\s*$/.exec(part);
      return m ? { upTo: m[2] === undefined ? null : figure(m[2]), ratio: figure(m[1]!) } : undefined;
    });
    return (
      written.length === brackets.length &&
      written.every((w, i) => {
        const b = brackets[i]!;
        if (!w || !w.ratio.eq(b.ratio)) return false;
        return w.upTo === null ? b.upTo === null : b.upTo !== null && w.upTo.eq(b.upTo);
      })
    );
  }
  try {
    return figure(page).eq(file);
  } catch {
    return false;
  }
}

/** A worked example's table: `| C01 | yuan | why |`, one row per figure of the settlement. */
interface ClaimTable {
  readonly claimId: string;
  readonly rows: { key: string; value: string; why: string }[];
}

function claimTables(page: PageName): ClaimTable[] {
  return tables(read(page))
    .filter((t) => t.header[1] === 'yuan')
    .map((t) => ({
      claimId: t.header[0]!,
      rows: t.rows.map(([key, value, why]) => ({ key: key!, value: value!, why: why ?? '' })),
    }));
}

/** The rows a claim's table must have, in order, from what its case expects. */
function expectedRows(e: Record<string, unknown>): [string, string][] {
  const error = e.error as { code: string; path: string } | undefined;
  if (error) return [['error', `\`${error.code}\` at \`${error.path}\``]];
  const rows: [string, string][] = [];
  for (const key of ['total', 'hospitalAbsorbed', 'billable'] as const) {
    if (key in e) rows.push([key, e[key] as string]);
  }
  for (const line of (e.lines ?? []) as { tier: number; id: string; amount: string }[]) {
    rows.push([`${line.tier} ${line.id}`, line.amount]);
  }
  if ('personal' in e) rows.push(['personal', e.personal as string]);
  if ('target' in e) {
    const target = e.target as { personalMax: string } | null;
    rows.push(['target', target === null ? 'none' : target.personalMax]);
  }
  return rows;
}

// ── The tests ─────────────────────────────────────────────────────────────────────────────────────

describe('citations of the policy pages', () => {
  const ids = Object.fromEntries(PAGE_NAMES.map((p) => [p, sectionIds(read(p))])) as Record<PageName, Set<string>>;

  it('each page keeps the sections the code cites: §1–§8 and §3.1–§3.3 and tiers 0–8 in §4 for 2017, §1–§5 and tiers 1–4 in §2 for 2022', () => {
    const ids2017 = ids['docs/policy-2017.md'];
    for (const id of ['1', '2', '3', '3.1', '3.2', '3.3', '4', '5', '5.1', '5.4', '6', '7', '8', '9']) {
      expect(ids2017.has(id), `docs/policy-2017.md section ${id}`).toBe(true);
    }
    for (let t = 0; t <= 8; t++) expect(ids2017.has(`4 tier ${t}`), `docs/policy-2017.md §4 tier ${t}`).toBe(true);
    const ids2022 = ids['docs/policy-2022.md'];
    for (const id of ['1', '2', '3', '4', '5', '6']) {
      expect(ids2022.has(id), `docs/policy-2022.md section ${id}`).toBe(true);
    }
    for (let t = 1; t <= 4; t++) expect(ids2022.has(`2 tier ${t}`), `docs/policy-2022.md §2 tier ${t}`).toBe(true);
  });

  it('every citation of a policy page in the sources, tests, rules and docs names a section the page has', () => {
    const broken: string[] = [];
    let count = 0;
    for (const file of repositoryTexts()) {
      for (const c of citations(read(file))) {
        count++;
        if (!resolves(c, ids[c.page])) broken.push(`${file}: "${c.text.trim()}"`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(50); // the scan reads the comments that cite the pages
  });

  it.each([
    ['§4 tier 9', false],
    ['§4 tier 8', true],
    ['§3.4', false],
    ['§3.3', true],
    ['§5.1, §5.9', false],
    ['§2–§6', true],
    ['§8–§10', false],
    ['§4 tiers 4–7', true],
    ['section 8', true],
    ['section 12', false],
    ['tier 2 with', true],
  ] as const)('a citation of docs/policy-2017.md "%s" resolves: %s', (cited, ok) => {
    const found = citations(`// see ${PAGE_NAMES[0]} ${cited}`);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => resolves(c, ids['docs/policy-2017.md']))).toBe(ok);
  });

  it('a citation that breaks over comment lines is read whole', () => {
    const found = citations(`/**\n * as ${PAGE_NAMES[1]}\n * §2 tier 7 says\n */`);
    expect(found.map((c) => [c.section, c.tier])).toEqual([
      ['2', undefined],
      ['2', 7],
    ]);
    expect(resolves(found[1]!, ids['docs/policy-2022.md'])).toBe(false);
  });

  it("no file cites the specification's own files, which a reader of the repository does not have", () => {
    const names = ['POLICY', 'POLICY-2022', 'CONTRACT', 'STYLE'].map((n) => `${n}.md`);
    const pattern = new RegExp(`(?<![\\w/-])(?:${names.map((n) => n.replace('.', '\\.')).join('|')})\\b`);
    const citing = repositoryTexts().filter((file) => pattern.test(read(file)));
    expect(citing).toEqual([]);
  });
});

describe.each(PAGE_NAMES)('%s', (page) => {
  const { folder, parameters: paramSection, examples } = PAGES[page];
  const text = read(page);

  it.each(cases(folder).map((c) => [c.file, c] as const))(
    `walks through every claim of %s in §${examples}, with the figures the case expects`,
    (_, c) => {
      const tablesById = new Map(claimTables(page).map((t) => [t.claimId, t]));
      for (const e of c.expected) {
        const table = tablesById.get(e.claimId as string);
        expect(table, `a table headed | ${e.claimId} | yuan | why |`).toBeDefined();
        expect(table!.rows.map((r) => [r.key, r.value])).toEqual(expectedRows(e));
        // A top-up line's reason names what each fund paid, as `emergency-relief 24.00`.
        for (const line of (e.lines ?? []) as { tier: number; id: string; funds?: Record<string, string> }[]) {
          const why = table!.rows.find((r) => r.key === `${line.tier} ${line.id}`)!.why;
          for (const [fund, amount] of Object.entries(line.funds ?? {})) expect(why).toContain(`${fund} ${amount}`);
        }
      }
    },
  );

  it('has no example table for a claim its rule folder does not hold', () => {
    const claimIds = new Set(cases(folder).flatMap((c) => c.expected.map((e) => e.claimId as string)));
    expect(
      claimTables(page)
        .map((t) => t.claimId)
        .filter((id) => !claimIds.has(id)),
    ).toEqual([]);
  });

  it(`gives in §${paramSection} the value and status each rule file holds`, () => {
    const params = parameters(folder);
    const rows = parameterRows(page);
    expect(rows.length).toBeGreaterThan(10);
    const wrong: string[] = [];
    for (const row of rows) {
      const p = params.find((q) => q.file === row.file && q.path === row.path);
      const raw = p ? undefined : rawValue(folder, row.file, row.path);
      const value = p ? p.latest : typeof raw === 'string' ? raw : undefined;
      if (value === undefined) wrong.push(`${row.file} ${row.path}: no such parameter in ${folder}`);
      else if (!sameValue(row.value, value))
        wrong.push(`${row.file} ${row.path}: the page says ${row.value}, the file ${value}`);
      if (p && p.source !== row.status)
        wrong.push(`${row.file} ${row.path}: the page says ${row.status}, the file ${p.source}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists every parameter of its rule folder: in its own table, or inherited with the value the 2017 table gives', () => {
    const own = parameterRows(page);
    const base = parameterRows('docs/policy-2017.md');
    const missing = parameters(folder)
      .filter((p) => {
        if (own.some((r) => r.file === p.file && r.path === p.path)) return false;
        const inherited = base.find((r) => r.file === p.file && r.path === p.path);
        return !(page !== 'docs/policy-2017.md' && inherited && sameValue(inherited.value, p.latest));
      })
      .map((p) => `${p.file} ${p.path} = ${p.latest} (${p.source})`);
    expect(missing).toEqual([]);
  });

  it('names in its clause table every clause its rule folder cites', () => {
    const clauseTable = tables(text).find((t) => t.header[0] === 'id' && t.header[1]?.startsWith('in '));
    expect(clauseTable).toBeDefined();
    const listed = new Set(clauseTable!.rows.map((r) => r[0]!.replace(/`/g, '')));
    expect([...clausesOf(folder)].filter((id) => !listed.has(id)).sort()).toEqual([]);
  });

  it("links to docs/claim.md and to the README's Readings of the spec", () => {
    expect(text).toContain('](claim.md');
    expect(text).toContain('](../README.md#readings-of-the-spec)');
  });
});

it('every relative link of the policy pages, and every link of the README and docs to them, resolves, anchors included', () => {
  const broken: string[] = [];
  const anchors = (file: string) => new Set(headings(read(file)).map((h) => slug(h.text)));
  for (const from of ['README.md', 'docs/claim.md', 'docs/service.md', ...PAGE_NAMES]) {
    for (const m of read(from).matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path === '' ? from : relative(ROOT, join(ROOT, dirname(from), path));
      // Other engineers own the README's and docs' other links; here only those into and out of the policy pages.
      if (!PAGE_NAMES.includes(from as PageName) && !PAGE_NAMES.includes(file as PageName)) continue;
      if (!existsSync(join(ROOT, file))) broken.push(`${from}: ${target} (no file ${file})`);
      else if (anchor !== undefined && file.endsWith('.md') && !anchors(file).has(anchor)) {
        broken.push(`${from}: ${target} (no heading #${anchor} in ${file})`);
      }
    }
  }
  expect(broken).toEqual([]);
});
