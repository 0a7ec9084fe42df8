/** Token and call accounting shapes shared by the engine (which counts) and the workflow layer (which reports). */

export interface TokenUsage {
  prompt: number;
  completion: number;
}

/** Model calls of one column, model alias or stage (answers from the call cache spend no tokens). */
export interface ModelUsage {
  /** Model calls answered (over HTTP or from the call cache). */
  calls: number;
  cached_calls: number;
  /** Failed HTTP attempts that were retried (429s included). */
  retries: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** US dollars of the calls answered over HTTP whose cost is known; calls from the call store cost 0. */
  cost_usd?: number;
  /** Calls answered over HTTP whose cost is unknown (no price, none reported by the provider). */
  unpriced_calls?: number;
  /** MCP tools called and turns in which the model asked for tools (only when a column has a tool_alias). */
  tool_calls?: number;
  tool_call_turns?: number;
}

/** What a run's model calls cost (every stage it generated, a failed or stopped one included). */
export interface RunCost {
  /** US dollars of the calls whose cost is known. */
  usd: number;
  /** Model calls answered: over HTTP, or by the call store (`cached_calls`, which cost 0). */
  calls: number;
  cached_calls: number;
  /** Calls whose cost is unknown: `usd` is then a lower bound. */
  unpriced_calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** By model alias. */
  models: Record<string, ModelUsage>;
  /** The budget the run had, and whether it stopped the run. */
  budget?: { max_cost_usd: number | null; max_total_tokens: number | null; exhausted: boolean };
}

export interface ModelUsageReport {
  total: ModelUsage;
  /** By output column. */
  columns: Record<string, ModelUsage>;
  /** By model alias. */
  models: Record<string, ModelUsage>;
}

