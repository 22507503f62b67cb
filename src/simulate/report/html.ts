/**
 * The simulation report as one self-contained HTML file: no script, no font, no request; charts
 * are inline SVG drawn here from the report JSON, and every figure shown is a value of that JSON
 * (marked `data-figure="path"` and `data-format`, so that a test can hold the page to the JSON).
 *
 * The page answers in the order a policy office asks: what the reform does (or, for one rule
 * set, the results at a glance), what was compared, what was counted, then each variant's detail.
 * Names come from the report's `labels` (Chinese, English beside), never raw ids.
 */
import { bracketChart, divergingChart, fundChart, per100Chart } from './charts.js';
import { showFigure } from './display.js';
import { esc, fig } from './markup.js';
import type { ReformSummary } from './reform-summary.js';
import type { RuleChangeKind } from '../../scheme/rules-diff.js';
import type { SimulationReport } from './summary.js';

type Variant = SimulationReport['variants'][number];
type Labels = SimulationReport['labels'];
type LabelKind = keyof Labels;

/** How each kind of rule change reads in the table of changes. */
const CHANGE_KIND: Readonly<Record<RuleChangeKind, string>> = {
  'rule-set-added': '新增规则集 rule set added',
  'rule-set-removed': '删除规则集 rule set removed',
  period: '有效期 period',
  'tier-added': '新增顺位 tier added',
  'tier-removed': '删除顺位 tier removed',
  'tier-moved': '顺位次序 tier order',
  'tier-renumbered': '顺位编号 tier renumbered',
  'value-added': '新增取值 value added',
  'value-removed': '删除取值 value removed',
  'value-changed': '修改取值 value changed',
  'condition-added': '新增条件 condition added',
  'condition-removed': '删除条件 condition removed',
  'condition-changed': '修改条件 condition changed',
  'field-added': '新增 added',
  'field-removed': '删除 removed',
  'field-changed': '修改 changed',
};

/** The premiums of the insurance bought for protected persons, when a rule set of the variant has one (2017's 7.4.2). */
function premiumSection(v: Variant, p: string): string {
  if (v.premium === null) return '';
  return `<h3>特殊补充医疗保险保费 / premiums (${esc(v.premium.clause)})</h3>
<p>市级承担 ${fig(`${p}.premium.city`, v.premium.city, 'yuan')} 元，县级承担 ${fig(`${p}.premium.county`, v.premium.county, 'yuan')} 元（保障对象人年数 × ${fig(`${p}.premium.perPerson`, v.premium.perPerson, 'yuan')} 元）。</p>`;
}

/** A label in Chinese with English beside (an unknown id is shown as itself). */
const named = (labels: Labels, kind: LabelKind, id: string): string => {
  const l = (labels[kind] as Record<string, { zh: string; en: string } | undefined>)[id];
  return l ? `${esc(l.zh)} <span class="en">${esc(l.en)}</span>` : esc(id);
};
/** The Chinese label only (charts, where space is short). */
const zh = (labels: Labels, kind: LabelKind, id: string): string =>
  (labels[kind] as Record<string, { zh: string } | undefined>)[id]?.zh ?? id;
const row = (cells: readonly string[]): string =>
  `<tr>${cells.map((c) => (c.startsWith('<td') ? c : `<td>${c}</td>`)).join('')}</tr>`;
const num = (html: string): string => `<td class="n">${html}</td>`;
const head = (cells: readonly string[]): string => `<tr>${cells.map((c) => `<th>${c}</th>`).join('')}</tr>`;
/** A value of the JSON that may be a string or any JSON (rule values: "0.20", a bracket list). */
const anyFig = (path: string, value: unknown): string => fig(path, value, typeof value === 'string' ? 'text' : 'json');

/**
 * The name of `publicSpending`, with the tiers it leaves out (payer kind `hospital`: the hospital's
 * waiver is its own money, not spending) named after it.
 */
const allPayers = (labels: Labels, excludes: readonly string[]): string => {
  const l = excludes.map((id) => (labels.payers as Record<string, { zh: string; en: string } | undefined>)[id]);
  return `各方支付合计 <span class="en">paid by all payers</span>${
    excludes.length === 0
      ? ''
      : `（不含${excludes.map((id, k) => esc(l[k]?.zh ?? id)).join('、')} <span class="en">but the ${excludes.map((id, k) => esc(l[k]?.en ?? id)).join(', ')}: the hospital's own money</span>）`
  }`;
};

/** Said instead of who gains and who loses when the two sides did not settle the same claims. */
const NOT_COMPARED = `两方结算的就诊不同，不比较个人年 <span class="en">not shown: the two sides did not settle the same claims</span>`;

function answerSection(report: SimulationReport, s: ReformSummary, i: number): string {
  const L = report.labels;
  const p = `summary[${i}]`;
  const compared = (path: string, c: { baseline: string; reform: string; change: string }): string[] => [
    num(fig(`${path}.baseline`, c.baseline, 'yuan')),
    num(fig(`${path}.reform`, c.reform, 'yuan')),
    num(fig(`${path}.change`, c.change, 'yuan-change')),
  ];
  const chart = divergingChart(
    [
      ...s.payers.map((r, k) => ({ label: zh(L, 'payers', r.id), value: r.change, path: `${p}.payers[${k}].change` })),
      { label: zh(L, 'payers', 'personal'), value: s.personal.change, path: `${p}.personal.change` },
    ],
    `${s.reform} 与 ${s.baseline}：各方支付的变化（元）`,
  );
  const payerRows = s.payers.map((r, k) => row([named(L, 'payers', r.id), ...compared(`${p}.payers[${k}]`, r)]));
  const groupTable = (kind: 'counties' | 'pathways', key: 'byCounty' | 'byPathway', first: string) =>
    `<table>${head([first, '件数 claims', '各方支付变化 Δ payers', '个人自付变化 Δ personal', '个人负担比例 基线 share, baseline', '改革 reform', '变化（百分点）Δ pp'])}${s[
      key
    ]
      .map((g, k) => {
        const q = `${p}.${key}[${k}]`;
        return row([
          named(L, kind, g.id),
          num(fig(`${q}.claims.reform`, g.claims.reform, 'count')),
          num(fig(`${q}.publicSpending.change`, g.publicSpending.change, 'yuan-change')),
          num(fig(`${q}.personal.change`, g.personal.change, 'yuan-change')),
          num(fig(`${q}.personalShare.baseline`, g.personalShare.baseline, 'share')),
          num(fig(`${q}.personalShare.reform`, g.personalShare.reform, 'share')),
          num(fig(`${q}.personalShare.change`, g.personalShare.change, 'share-change')),
        ]);
      })
      .join('')}</table>`;
  const gainTable = (
    py: NonNullable<ReformSummary['personYears']>,
    kind: 'counties' | 'categories',
    key: 'byCounty' | 'byCategory',
    first: string,
  ) =>
    `<table>${head([first, '少付人年 pay less', '少付合计 by', '多付人年 pay more', '多付合计 by', '不变 same'])}${py[
      key
    ]
      .map((g, k) => {
        const q = `${p}.personYears.${key}[${k}]`;
        return row([
          named(L, kind, g.id),
          num(fig(`${q}.less`, g.less, 'count')),
          num(fig(`${q}.lessBy`, g.lessBy, 'yuan-change')),
          num(fig(`${q}.more`, g.more, 'count')),
          num(fig(`${q}.moreBy`, g.moreBy, 'yuan-change')),
          num(fig(`${q}.same`, g.same, 'count')),
        ]);
      })
      .join('')}</table>`;
  const patients = (list: NonNullable<ReformSummary['gainers']>, key: 'gainers' | 'losers') =>
    list.length === 0
      ? '<p>无 / none</p>'
      : `<table>${head(['患者 person', '年度 year', '县 county', '类别 category', `${esc(s.baseline)}`, `${esc(s.reform)}`, '变化 change'])}${list
          .map((c, k) => {
            const q = `${p}.${key}[${k}]`;
            return row([
              esc(c.personId),
              fig(`${q}.year`, c.year, 'text'),
              named(L, 'counties', c.county),
              named(L, 'categories', c.category),
              num(fig(`${q}.baseline`, c.baseline, 'yuan')),
              num(fig(`${q}.reform`, c.reform, 'yuan')),
              num(fig(`${q}.change`, c.change, 'yuan-change')),
            ]);
          })
          .join('')}</table>`;
  // Claims one side settled and the other refused are in one side's sums only: the differences are not the reform's cost.
  const unlike = s.comparable
    ? ''
    : `<p class="warning" role="alert">⚠ ${fig(`${p}.unlike`, s.unlike, 'count')} 件报销申请只有一方结算、另一方拒绝（基线结算 ${fig(`${p}.claims.baseline`, s.claims.baseline, 'count')} 件，改革结算 ${fig(`${p}.claims.reform`, s.claims.reform, 'count')} 件；拒绝原因见下文“件数”），下列差额包含只有一方支付的报销申请，不是改革的成本。<span class="en">Some claims were settled by one side and refused by the other (see the counts below): the differences include claims only one side paid and are not the reform's cost.</span></p>`;
  // Who gains is told only when both sides settled the same claims (else a refused claim reads as a saving).
  const py = s.personYears;
  const whoGains =
    py === null
      ? NOT_COMPARED
      : `${fig(`${p}.personYears.less`, py.less, 'count')} 个人年少付 ${fig(`${p}.personYears.lessBy`, py.lessBy, 'yuan-change')} 元；${fig(`${p}.personYears.more`, py.more, 'count')} 个人年多付 ${fig(`${p}.personYears.moreBy`, py.moreBy, 'yuan-change')} 元；${fig(`${p}.personYears.same`, py.same, 'count')} 个人年不变`;
  const gains =
    py === null || s.gainers === null || s.losers === null
      ? `<p>${NOT_COMPARED}</p>`
      : `${gainTable(py, 'categories', 'byCategory', '类别 category')}
${gainTable(py, 'counties', 'byCounty', '县 county')}
<h3>个人自付减少最多的个人年 / largest decreases in a year's personal pay</h3>
${patients(s.gainers, 'gainers')}
<h3>个人自付增加最多的个人年 / largest increases</h3>
${patients(s.losers, 'losers')}`;
  return `<section class="answer">
<h2>改革的结果 / what the reform does: ${esc(s.reform)} <span class="en">vs</span> ${esc(s.baseline)}</h2>
${unlike}
<ul class="big">
<li>${allPayers(L, s.publicSpendingExcludes)}：${fig(`${p}.publicSpending.change`, s.publicSpending.change, 'yuan-change')} 元（${fig(`${p}.publicSpending.baseline`, s.publicSpending.baseline, 'yuan')} → ${fig(`${p}.publicSpending.reform`, s.publicSpending.reform, 'yuan')}）</li>
<li>个人自付 <span class="en">paid by patients</span>：${fig(`${p}.personal.change`, s.personal.change, 'yuan-change')} 元（${fig(`${p}.personal.baseline`, s.personal.baseline, 'yuan')} → ${fig(`${p}.personal.reform`, s.personal.reform, 'yuan')}）</li>
<li>个人负担比例 <span class="en">patients' share of the bills</span>：${fig(`${p}.personalShare.baseline`, s.personalShare.baseline, 'share')} → ${fig(`${p}.personalShare.reform`, s.personalShare.reform, 'share')}（${fig(`${p}.personalShare.change`, s.personalShare.change, 'share-change')} 个百分点 <span class="en">pp</span>）</li>
<li>未达兜底目标的就诊 <span class="en">claims that missed their target</span>：${fig(`${p}.targetsMissed.baseline`, s.targetsMissed.baseline, 'count')} → ${fig(`${p}.targetsMissed.reform`, s.targetsMissed.reform, 'count')}（${fig(`${p}.targetsMissed.change`, s.targetsMissed.change, 'count-change')}）</li>
<li>谁受益 <span class="en">who gains</span>：${whoGains}</li>
</ul>
<h3>各方支付的变化 / change per payer (元)</h3>
${chart}
<table>${head(['支付方 payer', `${esc(s.baseline)}`, `${esc(s.reform)}`, '变化 change'])}${payerRows.join('')}${row([`<b>${allPayers(L, s.publicSpendingExcludes)}</b>`, ...compared(`${p}.publicSpending`, s.publicSpending)])}${row([named(L, 'payers', 'personal'), ...compared(`${p}.personal`, s.personal)])}</table>
<h3>分县 / by county</h3>
${groupTable('counties', 'byCounty', '县 county')}
<h3>分就诊类型 / by pathway</h3>
${groupTable('pathways', 'byPathway', '就诊类型 pathway')}
<h3>谁受益、谁多付（个人年）/ who gains, who loses (person-years)</h3>
${gains}
</section>`;
}

function glanceSection(report: SimulationReport): string {
  const v = report.variants[0]!;
  return `<section class="answer">
<h2>结果一览 / at a glance</h2>
<ul class="big">
<li>结算 <span class="en">settled</span>：${fig('variants[0].claims', v.claims, 'count')} 件，总费用 <span class="en">billed</span> ${fig('variants[0].total', v.total, 'yuan')} 元</li>
<li>${allPayers(report.labels, v.publicSpendingExcludes)}：${fig('variants[0].publicSpending', v.publicSpending, 'yuan')} 元</li>
<li>个人自付 <span class="en">paid by patients</span>：${fig('variants[0].personal', v.personal, 'yuan')} 元，个人负担比例 <span class="en">share</span> ${fig('variants[0].personalShare', v.personalShare, 'share')}</li>
<li>未达兜底目标的就诊 <span class="en">claims that missed their target</span>：${fig('variants[0].targets.missed', v.targets.missed, 'count')} 件</li>
</ul>
</section>`;
}

function comparedSection(report: SimulationReport): string {
  const rows = report.compared.flatMap((c, i) =>
    c.ruleSets.map((s, k) => {
      const q = `compared[${i}].ruleSets[${k}]`;
      const role = c.role === 'baseline' ? '基线 baseline' : c.role === 'reform' ? '改革 reform' : '规则 rules';
      return row([
        esc(c.name),
        role,
        fig(`${q}.id`, s.id, 'text'),
        fig(`${q}.title`, s.title, 'text'),
        s.inForce.to === null
          ? `${fig(`${q}.inForce.from`, s.inForce.from, 'text')} 起 <span class="en">on</span>`
          : `${fig(`${q}.inForce.from`, s.inForce.from, 'text')} – ${fig(`${q}.inForce.to`, s.inForce.to, 'text')}`,
        s.versions.map((d, j) => fig(`${q}.versions[${j}]`, d, 'text')).join(', '),
      ]);
    }),
  );
  const changes = report.compared
    .map((c, i) => {
      if (c.changes === null) return '';
      const title = `<h3>${esc(c.name)} 相对基线的改动 / changes against the baseline</h3>`;
      if (c.changes.length === 0) return `${title}<p>规则文件与基线相同 / the same rule files as the baseline.</p>`;
      return `${title}<table>${head(['规则集 rule set', '文件 file', '路径 path', '起始日期 from', '改动 change', '基线 baseline', '改革 reform'])}${c.changes
        .map((d, k) => {
          const q = `compared[${i}].changes[${k}]`;
          return row([
            esc(d.ruleSet ?? ''),
            fig(`${q}.file`, d.file, 'text'),
            fig(`${q}.path`, d.path, 'text'),
            d.date === undefined ? '—' : fig(`${q}.date`, d.date, 'text'),
            CHANGE_KIND[d.kind],
            d.before === undefined ? '—' : `<code>${anyFig(`${q}.before`, d.before)}</code>`,
            d.after === undefined ? '—' : `<code>${anyFig(`${q}.after`, d.after)}</code>`,
          ]);
        })
        .join('')}</table>`;
    })
    .join('\n');
  return `<section>
<h2>比较的规则 / what was compared</h2>
<table>${head(['方案 variant', '角色 role', '规则集 rule set', '名称 title', '施行期间 in force', '版本 versions'])}${rows.join('')}</table>
${changes}
</section>`;
}

function countsSection(report: SimulationReport): string {
  const c = report.counts;
  const codes = [...new Set(c.variants.flatMap((v) => Object.keys(v.refusedByCode)))].sort();
  const codeTable =
    codes.length === 0
      ? ''
      : `<table>${head(['拒绝原因 error code', ...c.variants.map((v) => esc(v.name))])}${codes.map((code) => row([`<code>${esc(code)}</code>`, ...c.variants.map((v, i) => num(v.refusedByCode[code] === undefined ? '0' : fig(`counts.variants[${i}].refusedByCode.${code}`, v.refusedByCode[code], 'count')))])).join('')}</table>`;
  const first =
    report.rejections.length === 0
      ? ''
      : `<h3>最先被拒绝的输入 / the first refused inputs</h3><table>${head(['行 line', '代码 code', '位置 path', '说明 message'])}${report.rejections
          .map((r, i) =>
            row([
              fig(`rejections[${i}].line`, r.line, 'text'),
              `<code>${fig(`rejections[${i}].code`, r.code, 'text')}</code>`,
              `<code>${fig(`rejections[${i}].path`, r.path, 'text')}</code>`,
              fig(`rejections[${i}].message`, r.message, 'text'),
            ]),
          )
          .join('')}</table>`;
  return `<section>
<h2>计数 / counts</h2>
<p>读入 <span class="en">read</span> ${fig('counts.read', c.read, 'count')} 件就诊。</p>
<table>${head(['方案 variant', '结算 settled', '拒绝 refused'])}${c.variants.map((v, i) => row([esc(v.name), num(fig(`counts.variants[${i}].settled`, v.settled, 'count')), num(fig(`counts.variants[${i}].refused`, v.refused, 'count'))])).join('')}</table>
${codeTable}
${first}
<p class="covers">本报告的金额、比例与分布只计已结算的就诊：基线 ${fig('counts.covers.claims', c.covers.claims, 'count')} 件，${fig('counts.covers.personYears', c.covers.personYears, 'count')} 个人年，出院年份 ${c.covers.years.map((y, i) => fig(`counts.covers.years[${i}]`, y, 'text')).join('、') || '—'}；被拒绝的就诊只计入本节。<span class="en">Every amount, share and distribution covers the settled claims only; refused claims are counted here and nowhere else.</span></p>
</section>`;
}

function variantSection(report: SimulationReport, v: Variant, vi: number): string {
  const L = report.labels;
  const p = `variants[${vi}]`;
  const title = report.variants.length === 1 ? '详细结果 / details' : `${esc(v.name)} — 详细结果 / details`;
  const tierRows = Object.entries(v.byTier)
    .map(([id, a]) => row([named(L, 'payers', id), num(fig(`${p}.byTier.${id}`, a, 'yuan'))]))
    .join('');
  const fundRows = Object.entries(v.byFund)
    .map(([f, a]) => row([named(L, 'funds', f), num(fig(`${p}.byFund.${f}`, a, 'yuan'))]))
    .join('');
  const countyRows = Object.entries(v.byCounty)
    .map(([c, g]) =>
      row([
        named(L, 'counties', c),
        num(fig(`${p}.byCounty.${c}.claims`, g.claims, 'count')),
        num(fig(`${p}.byCounty.${c}.billable`, g.billable, 'yuan')),
        num(fig(`${p}.byCounty.${c}.personal`, g.personal, 'yuan')),
        num(fig(`${p}.byCounty.${c}.personalShare`, g.personalShare, 'share')),
      ]),
    )
    .join('');
  const pathwayRows = Object.entries(v.byPathway)
    .map(([k, g]) =>
      row([
        named(L, 'pathways', k),
        num(fig(`${p}.byPathway.${k}.claims`, g.claims, 'count')),
        num(fig(`${p}.byPathway.${k}.billable`, g.billable, 'yuan')),
        num(fig(`${p}.byPathway.${k}.personal`, g.personal, 'yuan')),
        num(fig(`${p}.byPathway.${k}.personalShare`, g.personalShare, 'share')),
      ]),
    )
    .join('');
  const pctRows = Object.entries(v.personalPayPercentiles)
    .map(([k, a]) =>
      row([
        esc(k),
        num(fig(`${p}.personalPayPercentiles.${k}`, a, 'yuan')),
        num(fig(`${p}.personalSharePercentiles.${k}`, v.personalSharePercentiles[k] ?? null, 'share')),
      ]),
    )
    .join('');
  const per100 = per100Chart(
    v.per100.map((r, i) => ({ label: zh(L, 'payers', r.payer), value: r.yuan, path: `${p}.per100[${i}].yuan` })),
    '每100元费用由谁支付 / who pays what out of every 100 yuan',
  );
  const whole = (upTo: string): string => showFigure(upTo.replace(/\.00$/, ''), 'count');
  const brackets = bracketChart(
    v.payBrackets.map((b, i) => ({
      label: b.upTo === null ? `>${whole(v.payBrackets[i - 1]!.upTo!)}` : i === 0 ? '0' : `≤${whole(b.upTo)}`,
      count: b.claims,
      path: `${p}.payBrackets[${i}].claims`,
    })),
    '个人自付（元）/ personal pay per claim (yuan)',
  );
  const funds = fundChart(
    Object.entries(v.fundByMonth).map(([f, months]) => ({ label: zh(L, 'funds', f), months })),
    '救助基金年内累计支出 / relief funds drawn over the year',
  );
  const groupHead = head(['', '件数 claims', '应结算费用 billable', '个人自付 personal', '个人负担比例 share']);
  return `<section>
<h2>${title}</h2>
<p class="big">结算 ${fig(`${p}.claims`, v.claims, 'count')} 件，总费用 ${fig(`${p}.total`, v.total, 'yuan')} 元，个人自付 ${fig(`${p}.personal`, v.personal, 'yuan')} 元（占应结算费用 ${fig(`${p}.personalShare`, v.personalShare, 'share')}）。</p>
<p>县域内就诊率（住院与分娩）${fig(`${p}.admissions.inCountyShare`, v.admissions.inCountyShare, 'share')}（目标 95%）；有兜底目标的就诊 ${fig(`${p}.targets.withTarget`, v.targets.withTarget, 'count')} 件，达成 ${fig(`${p}.targets.met`, v.targets.met, 'count')} 件，未达成 ${fig(`${p}.targets.missed`, v.targets.missed, 'count')} 件（缺口 ${fig(`${p}.targets.shortfall`, v.targets.shortfall, 'yuan')} 元）。</p>
<h3>每100元费用由谁支付 / who pays what out of every 100 yuan</h3>
${per100}
<h3>各方支出 / spending per payer (元)</h3><table>${tierRows}</table>
<h3>救助基金 / relief funds (元)</h3><table>${fundRows}</table>
${funds}
<h3>个人自付分布 / personal pay per claim</h3>
${brackets}
<table>${head(['分位 percentile', '个人自付（元，±1%）personal pay', '个人负担比例 share'])}${pctRows}</table>
<h3>分县 / per county</h3><table>${groupHead.replace('<th></th>', '<th>县 county</th>')}${countyRows}</table>
<h3>分就诊类型 / per pathway</h3><table>${groupHead.replace('<th></th>', '<th>就诊类型 pathway</th>')}${pathwayRows}</table>
${premiumSection(v, p)}
</section>`;
}

/**
 * The reform's answer (or, for one rule set, the results at a glance) as an HTML fragment: the
 * headline figures, the diverging chart of the changes and the tables by payer, county, pathway
 * and category. What a notebook shows inline; the page opens with the same.
 *
 * @example
 * tslab.display.html(summaryHtml(report))
 */
export function summaryHtml(report: SimulationReport): string {
  return report.summary.length > 0
    ? report.summary.map((s, i) => answerSection(report, s, i)).join('\n')
    : glanceSection(report);
}

/**
 * The report as a self-contained HTML page.
 *
 * @example
 * writeFileSync('report.html', simulationHtml(simulationReport(result, books)))
 */
export function simulationHtml(report: SimulationReport): string {
  const names = report.compared.map((c) => `${esc(c.name)}（${c.ruleSets.map((s) => esc(s.id)).join('、')}）`);
  const what =
    report.variants.length === 1
      ? `规则 <span class="en">rules</span>：${report.compared[0]!.ruleSets.map((s) => esc(s.id)).join('、')}`
      : `基线 <span class="en">baseline</span> ${names[0]} 与改革 <span class="en">reform</span> ${names.slice(1).join('、')} 对比`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>八顺位模拟报告 / bashunwei simulation</title>
<style>
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; color: #222; line-height: 1.5; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
td, th { border-bottom: 1px solid #ddd; padding: 0.2rem 0.7rem; text-align: left; vertical-align: top; }
th { font-weight: 600; font-size: 0.9rem; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-size: 0.85rem; }
svg { display: block; max-width: 100%; height: auto; font-size: 12px; margin: 0.5rem 0; }
.big { font-size: 1.1rem; }
.en { color: #666; font-size: 0.85em; }
.answer { background: #f6f8fa; padding: 0 1rem 0.5rem; border-top: 3px solid #1b9e77; }
.warning { background: #fdecea; border-left: 4px solid #d62728; padding: 0.5rem 0.75rem; }
section { border-top: 2px solid #444; margin-top: 2rem; }
</style>
</head>
<body>
<h1>八顺位医疗救助模拟报告 <span class="en">bashunwei simulation report</span></h1>
<p>${what}。读入 ${fig('lines', report.lines, 'count')} 件就诊。金额单位：元。每个数字都来自同一次模拟的 JSON 结果。</p>
${summaryHtml(report)}
${comparedSection(report)}
${countsSection(report)}
${report.variants.map((v, i) => variantSection(report, v, i)).join('\n')}
</body>
</html>
`;
}
