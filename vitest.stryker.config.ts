import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant (stryker.config.json): the tests of the modules it
// mutates (the claim, the ledger, the kinds, the settlement, the money) and of what reads their
// answers in this process (the contract's doors, the error messages, the explanations, the output
// formats and goldens). Left out: what runs in other processes, servers, browsers or builds, which
// cannot see a mutant and takes minutes (the whole in-process suite once made the first run of
// Stryker pass two hours on a loaded machine, and the whole suite its five-minute limit):
//   test/kinds/seventh-kind.test.ts  a copy of src/ type-checked and run as a process
//   *browser*                        a test that opens a page in Chromium
// and the suites of the layers above (rule files, schemes, simulations, the command, the service),
// which run in the full test suite. A mutant they alone would find counts here as survived: the
// score is a lower bound.
// Property runs are shorter (a mutant that survives 100 generated claims is reported and looked
// at, not hidden), and the differential test of the compiled engine against the reference runs a
// hundredth of its 210,000 claims (2,100).
export default defineConfig({
  test: {
    include: ['test/{claim,contract,errors,explain,format,kinds,ledger,money,settle}/**/*.test.ts'],
    exclude: ['test/kinds/seventh-kind.test.ts', 'test/**/*browser*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    env: { FC_RUNS: '100', FUZZ_RUNS: '100', DIFFERENTIAL_SCALE: '0.01' },
  },
});
