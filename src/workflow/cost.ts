/**
 * The run's budget (issue 17): `run_config.max_cost_usd` and `run_config.max_total_tokens`, each
 * overridden by its command-line option (`--max-cost`, `--max-tokens`) or Action input.
 */
import type { BudgetLimits } from '../llm/index.js';
import type { LoadedWorkflow } from './model.js';

export function budgetLimits(workflow: LoadedWorkflow, options: { maxCostUsd?: number; maxTotalTokens?: number }): BudgetLimits {
  const rc = workflow.runConfig as { max_cost_usd?: number | null; max_total_tokens?: number | null };
  return { maxCostUsd: options.maxCostUsd ?? rc.max_cost_usd ?? null, maxTotalTokens: options.maxTotalTokens ?? rc.max_total_tokens ?? null };
}
