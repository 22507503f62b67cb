/**
 * A reform as a link: the workbench keeps its state in the URL fragment, in the form the contract
 * fixes (docs/app.md "A reform is a link"): `#reform=` followed by URL-encoded JSON
 * `{ "population": { "claims": N, "seed": S, "years": "2023" }, "changes": [ParameterChange…] }`,
 * with two optional lists of the page's own for reforms of structure (`tiers`, `conditions`).
 *
 * A fragment comes from anyone who sends a link: it is read as untrusted input, every problem
 * reported with its path in both languages, nothing thrown, unknown keys and keys written twice
 * refused (a misspelt `"vaule"` must not silently change nothing).
 */
import { duplicateKeyPaths } from '../../errors/duplicate-keys.js';
import type { Result } from '../../errors/issue.js';
import type { Words } from '../../i18n/say.js';
import type { ParameterChange } from '../../scheme/reform.js';
import type { ReformSpec } from './reform-spec.js';
import { readPopulation, type PopulationSpec } from './population.js';
import { type LinkIssue, isPlainObject, knownKeys } from './link-issue.js';

/** What a link holds: the claims to simulate and the reform of the embedded rules. */
export interface ReformLink extends ReformSpec {
  readonly population: PopulationSpec;
}

/** The fragment's prefix. */
export const REFORM_PREFIX = '#reform=';
/** The most changes a link may hold (a reform is a few decisions, not a rule folder). */
export const MAX_CHANGES = 500;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a URL fragment (`location.hash`) as a reform link: `undefined` when it is not one (no
 * `#reform=`), else the link or every problem found.
 *
 * @example
 * readReformLink('#reform=%7B%22population%22%3A%7B%22claims%22%3A2000%7D%2C%22changes%22%3A%5B%5D%7D')
 * // { ok: true, value: { population: { claims: 2000, seed: 1, years: '2018' }, changes: [] } }
 */
export function readReformLink(hash: string): Result<ReformLink, LinkIssue> | undefined {
  if (!hash.startsWith(REFORM_PREFIX)) return undefined;
  let text: string;
  try {
    text = decodeURIComponent(hash.slice(REFORM_PREFIX.length));
  } catch {
    return fail('', {
      zh: '链接中 #reform= 之后的部分不是有效的 URL 编码',
      en: 'what follows #reform= is not valid URL encoding',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail('', {
      zh: `#reform= 之后不是有效的 JSON（${(e as Error).message}）`,
      en: `what follows #reform= is not JSON (${(e as Error).message})`,
    });
  }
  const twice = duplicateKeyPaths(text);
  if (twice.length > 0)
    return {
      ok: false,
      errors: twice.map((path) => ({
        path,
        message: { zh: '同一个键写了两次', en: 'a key written twice' },
      })),
    };
  return readReformJson(json);
}

/**
 * Checks a reform link's JSON (from a fragment, or a file).
 *
 * @example
 * readReformJson({ population: { claims: 2000, seed: 7, years: '2023' }, changes: [] }).ok // true
 */
export function readReformJson(json: unknown): Result<ReformLink, LinkIssue> {
  const issues: LinkIssue[] = [];
  if (!isPlainObject(json)) return fail('', { zh: '应为一个 JSON 对象', en: 'must be a JSON object' });
  knownKeys(json, ['population', 'changes', 'tiers', 'conditions'], '', issues);
  const population = readPopulation(json.population, issues);
  const changes = readChanges(json.changes, issues);
  const tiers = json.tiers === undefined ? undefined : readTierOrders(json.tiers, issues);
  const conditions = json.conditions === undefined ? undefined : readConditions(json.conditions, issues);
  if (issues.length > 0 || !population || !changes) return { ok: false, errors: issues };
  return {
    ok: true,
    value: {
      population,
      changes,
      ...(tiers && tiers.length > 0 ? { tiers } : {}),
      ...(conditions && conditions.length > 0 ? { conditions } : {}),
    },
  };
}

/**
 * The fragment of a reform link (URL-encoded JSON, lists of structure only when not empty).
 *
 * @example
 * location.hash = reformFragment({ population: { claims: 2000, seed: 7, years: '2023' }, changes: [] });
 */
export function reformFragment(link: ReformLink): string {
  const json = {
    population: { claims: link.population.claims, seed: link.population.seed, years: link.population.years },
    changes: link.changes,
    ...(link.tiers && link.tiers.length > 0 ? { tiers: link.tiers } : {}),
    ...(link.conditions && link.conditions.length > 0 ? { conditions: link.conditions } : {}),
  };
  return `${REFORM_PREFIX}${encodeURIComponent(JSON.stringify(json))}`;
}

function fail(path: string, message: Words): Result<never, LinkIssue> {
  return { ok: false, errors: [{ path, message }] };
}

/** A list of the link, or its problem. */
function list(value: unknown, path: string, issues: LinkIssue[]): readonly unknown[] | undefined {
  if (!Array.isArray(value)) {
    issues.push({ path, message: { zh: '应为一个列表 [ … ]', en: 'must be a list [ … ]' } });
    return undefined;
  }
  if (value.length > MAX_CHANGES) {
    issues.push({
      path,
      message: { zh: `最多 ${MAX_CHANGES} 项`, en: `at most ${MAX_CHANGES} entries` },
    });
    return undefined;
  }
  return value;
}

const text = (o: Record<string, unknown>, key: string, at: string, issues: LinkIssue[], optional = false) => {
  const v = o[key];
  if (v === undefined && optional) return undefined;
  if (typeof v === 'string' && v !== '' && v.length <= 256) return v;
  issues.push({
    path: `${at}.${key}`,
    message:
      v === undefined
        ? { zh: '缺少此字段', en: 'is required' }
        : { zh: '应为 1–256 个字符的文本', en: 'must be a text of 1–256 characters' },
  });
  return undefined;
};

function readChanges(value: unknown, issues: LinkIssue[]): ParameterChange[] | undefined {
  if (value === undefined) {
    issues.push({ path: 'changes', message: { zh: '缺少此字段（可为空列表 []）', en: 'is required (it may be [])' } });
    return undefined;
  }
  const items = list(value, 'changes', issues);
  if (!items) return undefined;
  const out: ParameterChange[] = [];
  items.forEach((c, i) => {
    const at = `changes[${i}]`;
    if (!isPlainObject(c)) return issues.push({ path: at, message: { zh: '应为一个对象', en: 'must be an object' } });
    knownKeys(c, ['set', 'file', 'path', 'value', 'from'], at, issues);
    const set = text(c, 'set', at, issues, true);
    const file = text(c, 'file', at, issues);
    const path = text(c, 'path', at, issues);
    const from = text(c, 'from', at, issues, true);
    if (from !== undefined && !isDate(from))
      issues.push({
        path: `${at}.from`,
        message: { zh: '应为日历日期 YYYY-MM-DD', en: 'must be a calendar date YYYY-MM-DD' },
      });
    // null would remove the date's value in a merge patch: a value is a string, a number or a list.
    if (c.value === undefined || c.value === null)
      issues.push({
        path: `${at}.value`,
        message: { zh: '缺少新的取值', en: 'the new value is required' },
      });
    if (file === undefined || path === undefined || c.value === undefined || c.value === null) return;
    out.push({
      ...(set === undefined ? {} : { set }),
      file,
      path,
      value: c.value,
      ...(from === undefined ? {} : { from }),
    });
  });
  return out;
}

function readTierOrders(value: unknown, issues: LinkIssue[]): ReformSpec['tiers'] {
  const items = list(value, 'tiers', issues);
  if (!items) return undefined;
  return items.flatMap((t, i) => {
    const at = `tiers[${i}]`;
    if (!isPlainObject(t)) {
      issues.push({ path: at, message: { zh: '应为一个对象', en: 'must be an object' } });
      return [];
    }
    knownKeys(t, ['set', 'order'], at, issues);
    const set = text(t, 'set', at, issues);
    const order = t.order;
    if (!Array.isArray(order) || order.length > 64 || !order.every((x) => typeof x === 'string' && x !== '')) {
      issues.push({
        path: `${at}.order`,
        message: {
          zh: '应为顺位 id 的列表（按执行次序；未列出的顺位即关闭）',
          en: 'must be a list of tier ids (in the order they run; a tier left out is switched off)',
        },
      });
      return [];
    }
    return set === undefined ? [] : [{ set, order: order as string[] }];
  });
}

function readConditions(value: unknown, issues: LinkIssue[]): ReformSpec['conditions'] {
  const items = list(value, 'conditions', issues);
  if (!items) return undefined;
  return items.flatMap((c, i) => {
    const at = `conditions[${i}]`;
    if (!isPlainObject(c)) {
      issues.push({ path: at, message: { zh: '应为一个对象', en: 'must be an object' } });
      return [];
    }
    knownKeys(c, ['set', 'file', 'path', 'when'], at, issues);
    const set = text(c, 'set', at, issues);
    const file = text(c, 'file', at, issues);
    const path = text(c, 'path', at, issues);
    if (!isPlainObject(c.when)) {
      issues.push({
        path: `${at}.when`,
        message: {
          zh: '应为 json-rules-engine 格式的条件对象 { "all": [ … ] }',
          en: 'must be a condition object in json-rules-engine form { "all": [ … ] }',
        },
      });
      return [];
    }
    return set === undefined || file === undefined || path === undefined ? [] : [{ set, file, path, when: c.when }];
  });
}

/** A real calendar date written YYYY-MM-DD. */
function isDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
