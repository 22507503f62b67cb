/**
 * The Reform view: the reform editor, the claims to simulate (the synthetic population, or a file
 * of the user's read in the browser), the run with its progress bar and cancel button, and the
 * report. A run of the synthetic population writes the reform into the URL fragment first
 * (reform-link.ts), so that the address is the reform and opening it runs it again.
 */
import type { RuleIssue } from '../../errors/issue.js';
import { h, replace } from '../ui/dom.js';
import { clearFieldErrors, field, showFieldError, textInput } from '../ui/fields.js';
import { currentLang, t } from '../ui/lang.js';
import type { View } from '../ui/view.js';
import { WORDS, fill } from '../ui/words.js';
import { type Run, startRun } from '../run/start-run.js';
import { type WorkerPool, startWorkerPool, workerCount } from '../run/worker-pool.js';
import type { RunSource } from '../run/protocol.js';
import type { LinkIssue } from './link-issue.js';
import { DEFAULT_POPULATION, type PopulationSpec } from './population.js';
import { type ReformDraft, draftOf, reformEditor, specOf } from './reform-editor.js';
import { reformBook, reformFolders } from './reform-folders.js';
import { ruleFileSchemas } from '../../scheme/rule-file-schemas.js';
import { type ReformLink, readReformJson, readReformLink, reformFragment } from './reform-link.js';
import { reformZip } from './reform-zip.js';
import { REPORT_JSON_ID, reportJsonElement, reportSection } from './report-view.js';

/** The Reform view, with a way to open a link (`#reform=…`) and to start its workers early. */
export interface ReformView extends View {
  /** Reads a reform link, fills the editor with it and runs it; shows its problems instead when it has any. */
  openLink(hash: string): void;
  /** Starts the workers (they load the engine while the user reads). */
  warmUp(): void;
}

/**
 * The Reform view; `workerUrl` is the simulation worker's script.
 *
 * @example
 * const view = reformView(new URL('./worker.js', import.meta.url));
 */
export function reformView(workerUrl: URL): ReformView {
  let draft: ReformDraft = draftOf({ changes: [] });
  let population = {
    claims: String(DEFAULT_POPULATION.claims),
    seed: String(DEFAULT_POPULATION.seed),
    years: DEFAULT_POPULATION.years,
  };
  let source: 'population' | 'file' = 'population';
  let file: File | undefined;
  let pool: WorkerPool | undefined;
  let run: Run | undefined;
  let linkProblems: readonly LinkIssue[] = [];
  const element = h('section', { id: 'view-reform', 'aria-labelledby': 'reform-title' });
  const reportHolder = h('div', { id: 'report-holder' });
  let editor: ReturnType<typeof reformEditor>;

  const ensurePool = (): WorkerPool => {
    if (pool) return pool;
    const started = startWorkerPool(workerUrl, workerCount());
    pool = started;
    // For tools that wait for a warm page (the bench): every worker has loaded the engine.
    element.dataset.workers = 'starting';
    void started.ready.then(() => {
      if (pool === started) element.dataset.workers = 'ready';
    });
    return started;
  };

  const status = (words: { zh: string; en: string } | string) => {
    const el = document.getElementById('run-status');
    if (el) el.textContent = typeof words === 'string' ? words : t(words);
  };

  const setRunning = (running: boolean) => {
    (document.getElementById('run') as HTMLButtonElement).disabled = running;
    (document.getElementById('cancel') as HTMLButtonElement).disabled = !running;
    const bar = document.getElementById('run-progress') as HTMLProgressElement;
    bar.hidden = !running;
    if (running) bar.value = 0;
  };

  const showLinkIssues = (issues: readonly LinkIssue[]) => {
    const box = document.getElementById('link-problems')!;
    box.hidden = issues.length === 0;
    replace(
      box,
      h('p', {}, t(WORDS.linkProblems)),
      h(
        'ul',
        {},
        issues.map((i) => h('li', {}, h('code', {}, i.path || '#reform'), ` — ${t(i.message)}`)),
      ),
    );
    for (const i of issues) {
      const m = /^population\.(claims|seed|years)/.exec(i.path);
      if (m) showFieldError(`pop-${m[1]}`, t(i.message));
      const c = /^changes\[(\d+)\]/.exec(i.path);
      if (c) showFieldError(`change-${c[1]}`, t(i.message));
    }
  };

  const showRuleIssues = (issues: readonly RuleIssue[]) => {
    const box = document.getElementById('link-problems')!;
    box.hidden = false;
    replace(
      box,
      h('p', {}, t(WORDS.ruleProblems)),
      h(
        'ul',
        {},
        issues.map((i) => h('li', {}, h('code', {}, `${i.file} ${i.path}`), ` — ${i.message}`)),
      ),
    );
  };

  /** Checks what the view holds and runs it (`fromLink`: the fragment already says it). */
  const go = (fromLink: boolean) => {
    if (run) return;
    clearFieldErrors(element);
    showLinkIssues([]);
    const spec = specOf(draft);
    let jobSource: RunSource;
    let what: string;
    let link = location.href;
    if (source === 'file') {
      if (!file) return status(WORDS.noFile);
      jobSource = { kind: 'file', file, format: /\.csv$/i.test(file.name) ? 'csv' : 'ndjson' };
      what = file.name;
    } else {
      const number = (s: string): unknown => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s);
      const read = readReformJson({
        population: {
          claims: number(population.claims),
          seed: number(population.seed),
          years: population.years.trim(),
        },
        ...spec,
      });
      if (!read.ok) return showLinkIssues(read.errors);
      const p: PopulationSpec = read.value.population;
      jobSource = { kind: 'population', population: p };
      what = t(
        fill(WORDS.reportFor, {
          claims: p.claims.toLocaleString('en'),
          source: `${t(WORDS.synthetic)} (seed ${p.seed}, ${p.years})`,
        }),
      );
      const fragment = reformFragment(read.value);
      // The address is the reform: written before the run, so that a link copied mid-run reproduces it.
      if (!fromLink && location.hash !== fragment) history.pushState(null, '', fragment);
      link = location.href;
    }
    const folders = reformFolders(spec);
    const book = folders.ok ? reformBook(spec) : folders; // checked by the editor already: remembered
    if (!folders.ok || !book.ok) return showRuleIssues(folders.ok ? (book.ok ? [] : book.errors) : folders.errors);
    document.getElementById(REPORT_JSON_ID)?.remove();
    replace(reportHolder);
    const workers = ensurePool();
    setRunning(true);
    status(fill(WORDS.running, { n: workers.size }));
    const bar = document.getElementById('run-progress') as HTMLProgressElement;
    const current = startRun(
      workers,
      { folders: folders.value, reform: book.value, source: jobSource, lang: currentLang() },
      (f) => {
        bar.value = f;
      },
    );
    run = current;
    void current.done.then((o) => {
      if (run !== current) return; // replaced by a newer run (a link opened meanwhile)
      run = undefined;
      setRunning(false);
      if (!o.ok) {
        // A cancelled or failed run leaves its workers in no known state: the next run starts new ones.
        pool?.terminate();
        pool = undefined;
        return status(o.cancelled ? WORDS.cancelled : fill(WORDS.failed, { m: o.message }));
      }
      status(fill(WORDS.finished, { s: (o.milliseconds / 1000).toFixed(2), n: workers.size }));
      const section = reportSection(o.report, what, () => reformZip(folders.value, link));
      // Where the run's time went, for the bench (bench/app.ts): invisible, one attribute.
      section.dataset.timing = JSON.stringify({ milliseconds: o.milliseconds, ...o.timing });
      section.append(reportJsonElement(o.report));
      replace(reportHolder, section);
    });
  };

  const render = () => {
    editor = reformEditor(draft, () => undefined);
    const radio = (value: 'population' | 'file', label: { zh: string; en: string }) =>
      h(
        'label',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name: 'reform-source',
          id: `source-${value}`,
          value,
          checked: source === value,
          onchange: () => {
            source = value;
            document.getElementById('population-fields')!.hidden = source !== 'population';
            document.getElementById('file-fields')!.hidden = source !== 'file';
          },
        }),
        ` ${t(label)}`,
      );
    replace(
      element,
      h('h2', { id: 'reform-title' }, t(WORDS.reformTitle)),
      h('p', { class: 'intro' }, t(WORDS.reformIntro)),
      h('div', { id: 'link-problems', class: 'error box', role: 'alert', hidden: true }),
      editor.element,
      h(
        'fieldset',
        { id: 'claims-choice' },
        h('legend', {}, t(WORDS.claimsTitle)),
        radio('population', WORDS.synthetic),
        radio('file', WORDS.ownFile),
        h(
          'div',
          { id: 'population-fields', class: 'grid', hidden: source !== 'population' },
          field(
            'pop-claims',
            WORDS.claimsCount,
            textInput('pop-claims', population.claims, (v) => (population.claims = v), { inputmode: 'numeric' }),
            'population.claims',
          ),
          field(
            'pop-seed',
            WORDS.seed,
            textInput('pop-seed', population.seed, (v) => (population.seed = v), { inputmode: 'numeric' }),
            'population.seed',
          ),
          field(
            'pop-years',
            WORDS.years,
            textInput('pop-years', population.years, (v) => (population.years = v)),
            'population.years',
          ),
        ),
        h(
          'div',
          { id: 'file-fields', hidden: source !== 'file' },
          h(
            'div',
            { class: 'field' },
            h('label', { for: 'claims-file' }, t(WORDS.chooseFile)),
            h('input', {
              type: 'file',
              id: 'claims-file',
              accept: '.ndjson,.jsonl,.json,.csv,.txt',
              onchange: (e: Event) => {
                file = (e.target as HTMLInputElement).files?.[0];
              },
            }),
          ),
        ),
      ),
      h(
        'div',
        { class: 'actions run' },
        h('button', { type: 'button', class: 'primary', id: 'run', onclick: () => go(false) }, t(WORDS.run)),
        h('button', { type: 'button', id: 'cancel', disabled: true, onclick: () => run?.cancel() }, t(WORDS.cancel)),
        h('progress', { id: 'run-progress', max: 1, value: 0, hidden: true, 'aria-label': t(WORDS.progress) }),
        h('span', { id: 'run-status', role: 'status', 'aria-live': 'polite' }),
      ),
      reportHolder,
    );
    if (linkProblems.length > 0) showLinkIssues(linkProblems);
    if (run) setRunning(true);
  };

  render();
  return {
    element,
    render,
    warmUp: () => {
      ensurePool();
      // The rule files' schemas take about a second to build on first use: build them while the
      // user reads, not when the first reform is checked.
      const idle = globalThis.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
      idle(() => void ruleFileSchemas());
    },
    openLink: (hash) => {
      const read = readReformLink(hash);
      if (!read) return;
      if (!read.ok) {
        linkProblems = read.errors;
        return showLinkIssues(read.errors);
      }
      linkProblems = [];
      const link: ReformLink = read.value;
      // A run under way is replaced: its workers are ended, the new run starts fresh ones.
      const old = run;
      run = undefined;
      old?.cancel();
      if (old) pool = undefined;
      draft = draftOf(link);
      population = {
        claims: String(link.population.claims),
        seed: String(link.population.seed),
        years: link.population.years,
      };
      source = 'population';
      render();
      go(true);
    },
  };
}
