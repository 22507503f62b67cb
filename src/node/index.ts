/**
 * bashunwei/node: what needs Node.js beside the core (the main entry `bashunwei` runs in a browser
 * too): rule folders and their worked cases read from disk, simulations of files on worker
 * threads with temporary space, per-claim rows written to CSV or Parquet files.
 *
 * @module bashunwei/node
 */
export { loadRuleFolder, loadRuleSet, ruleChain } from './load-rule-folder.js';
export { loadPolicyTests } from './load-rule-tests.js';
export {
  simulateWithClaimsOut,
  withClaimsOut,
  writeClaimsOut,
  claimsOutFormat,
  ClaimsOutError,
  type ClaimsOutFormat,
} from './simulate/claims-out.js';
export { claimPartWriter } from './simulate/claim-parts.js';
export { simulateFile, type FileJob } from './simulate/parallel.js';
export { variantRules, type VariantSpec } from './simulate/variants.js';
/** The types the exported ones are made of, so the API reference is whole. */
export type { TaskSpec } from './simulate/partition-tasks.js';
