/** Token and call accounting per model alias and per column (for metadata and the end-of-run table). */

export interface UsageEntry {
  /** Model calls answered (HTTP or call cache). */
  calls: number;
  /** Of those, answered from the call cache (no tokens spent). */
  cachedCalls: number;
  /** Failed HTTP attempts that were retried (429s included). */
  retries: number;
  promptTokens: number;
  completionTokens: number;
  /** US dollars of the calls answered over HTTP whose cost is known (calls from the call cache cost 0). */
  costUsd: number;
  /** Calls answered over HTTP whose cost is not known (no price, none reported): not in costUsd. */
  unpricedCalls: number;
  /** MCP tools called, and turns in which the model asked for tools (Data Designer's tool_usage). */
  toolCalls: number;
  toolCallTurns: number;
}

export interface UsageRecord {
  alias: string;
  column?: string;
  cached: boolean;
  prompt: number;
  completion: number;
  /** US dollars; null when unknown (no price and the provider reported none). Ignored for cached calls. */
  cost?: number | null;
}

const empty = (): UsageEntry => ({ calls: 0, cachedCalls: 0, retries: 0, promptTokens: 0, completionTokens: 0, costUsd: 0, unpricedCalls: 0, toolCalls: 0, toolCallTurns: 0 });

export class UsageMeter {
  private readonly aliases = new Map<string, UsageEntry>();
  private readonly columns = new Map<string, UsageEntry>();
  private readonly total = empty();

  private entries(alias: string, column: string | undefined): UsageEntry[] {
    const out = [this.total];
    let a = this.aliases.get(alias);
    if (!a) this.aliases.set(alias, (a = empty()));
    out.push(a);
    if (column !== undefined) {
      let c = this.columns.get(column);
      if (!c) this.columns.set(column, (c = empty()));
      out.push(c);
    }
    return out;
  }

  recordCall(r: UsageRecord): void {
    for (const e of this.entries(r.alias, r.column)) {
      e.calls++;
      if (r.cached) e.cachedCalls++;
      else {
        e.promptTokens += r.prompt;
        e.completionTokens += r.completion;
        if (r.cost == null) e.unpricedCalls++;
        else e.costUsd += r.cost;
      }
    }
  }

  /** One generation's tool use (counted once the cell is done, as Data Designer does). */
  recordTools(alias: string, column: string | undefined, calls: number, turns: number): void {
    for (const e of this.entries(alias, column)) {
      e.toolCalls += calls;
      e.toolCallTurns += turns;
    }
  }

  recordRetry(alias: string, column?: string): void {
    for (const e of this.entries(alias, column)) e.retries++;
  }

  byAlias(): Record<string, UsageEntry> {
    return Object.fromEntries([...this.aliases].map(([k, v]) => [k, { ...v }]));
  }
  byColumn(): Record<string, UsageEntry> {
    return Object.fromEntries([...this.columns].map(([k, v]) => [k, { ...v }]));
  }
  totals(): UsageEntry {
    return { ...this.total };
  }
}
