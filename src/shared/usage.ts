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
}

export interface ModelUsageReport {
  total: ModelUsage;
  /** By output column. */
  columns: Record<string, ModelUsage>;
  /** By model alias. */
  models: Record<string, ModelUsage>;
}

