/**
 * The layers of src/, lowest first: a module may import from its own layer and the layers below,
 * never above (README, "Design"). `npm run lint` runs these rules; test/project/layers.test.ts
 * shows that they fail on an upward import, a cycle and a Node module in the browser core.
 */
const LAYERS = [
  ['types', 'src/types/'],
  ['i18n', 'src/i18n/'],
  ['money', 'src/money/'],
  ['csv', 'src/csv/'],
  ['zod', 'src/zod\\.ts$'],
  ['errors', 'src/errors/'],
  ['claim', 'src/claim/'],
  ['rule-files', 'src/rule-files/'],
  ['kinds: what every kind shares', 'src/kinds/(shared/|kind\\.ts$)'],
  ['kinds: one folder per kind', 'src/kinds/(?!shared/)[^/]+/'],
  ['kinds: the list', 'src/kinds/kind-list\\.ts$'],
  ['scheme', 'src/scheme/'],
  ['ledger', 'src/ledger/'],
  ['settle', 'src/settle/'],
  ['calculators', 'src/calculators/'],
  ['explain', 'src/explain/'],
  ['format', 'src/format/'],
  ['contract: settle claims in JSON', 'src/contract/'],
  ['rule-tests', 'src/rule-tests/'],
  ['simulate: core', 'src/simulate/core/'],
  ['simulate: scale', 'src/simulate/scale/'],
  ['simulate: output', 'src/simulate/output/'],
  ['simulate: report', 'src/simulate/report/'],
  ['the main entry', 'src/(index|browser)\\.ts$'],
  ['app', 'src/app/'],
  ['node adapters', 'src/node/'],
  ['service', 'src/service/'],
  ['cli', 'src/cli/'],
];

/** The layers that run in a browser: everything below the Node adapters. */
const BROWSER_CORE = `^(${LAYERS.slice(
  0,
  LAYERS.findIndex(([n]) => n === 'node adapters'),
)
  .map(([, p]) => p)
  .join('|')})`;

const upward = LAYERS.flatMap(([name, path], i) => {
  const above = LAYERS.slice(i + 1).filter(([, p]) => p !== path);
  if (above.length === 0) return [];
  return [
    {
      name: `layer: ${name}`,
      comment: `${name} may not import a layer above it (${above.map(([n]) => n).join(', ')})`,
      severity: 'error',
      from: { path: `^${path}` },
      to: { path: `^(${above.map(([, p]) => p).join('|')})` },
    },
  ];
});

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'no-cycles',
      comment: 'no import loops, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'kinds-are-independent',
      comment: 'a kind folder imports no other kind: what they share is in src/kinds/shared/',
      severity: 'error',
      from: { path: '^src/kinds/(?!shared/)([^/]+)/' },
      to: { path: '^src/kinds/(?!shared/)[^/]+/', pathNot: '^src/kinds/$1/' },
    },
    {
      name: 'browser-core-imports-no-node',
      comment: 'the main entry and everything below it run in a browser: no Node module',
      severity: 'error',
      from: { path: BROWSER_CORE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-core-imports-no-server-package',
      comment:
        'the browser core uses decimal.js and zod only (json-rules-engine is a development dependency: the conditions are written out in rule-files/conditions.ts and tested against it)',
      severity: 'error',
      from: { path: BROWSER_CORE, pathNot: '^src/app/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional'],
        pathNot: 'node_modules/(decimal\\.js|zod)/',
      },
    },
    {
      name: 'app-imports-no-server-package',
      comment: 'the workbench page (src/app) uses the browser core packages and fflate, for its zip, only',
      severity: 'error',
      from: { path: '^src/app/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional'],
        pathNot: 'node_modules/(decimal\\.js|zod|fflate)/',
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
