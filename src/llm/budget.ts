/**
 * Hard budgets for a run (ddflow extension, issue 17): `run_config.max_cost_usd` / `--max-cost` and
 * `run_config.max_total_tokens` / `--max-tokens`. Before a request is sent, what the run has spent plus
 * what is reserved by the requests in flight plus this request's own estimate must stay within the
 * limit. A request that would fit once those in flight are booked waits for them; one that does not fit
 * even then is refused (a BudgetExhaustedError, before anything is sent), and so is every later one.
 * Requests already in flight finish; their actual cost replaces their reservation.
 * So a run stops at its limit within one in-flight window, and never goes past it by more than the
 * estimates were short.
 *
 * A request's estimate: its prompt at 3 characters a token (more tokens than real text has: an
 * estimate may stop a run early, never late), and its completion at `max_tokens` when the model config
 * sets it, else the longest completion this run has seen from that model, else 256 tokens.
 */
import { LlmError } from './errors.js';
import { formatUsd, tokenCost, type Price } from './pricing.js';

export interface BudgetLimits {
  maxCostUsd?: number | null;
  maxTotalTokens?: number | null;
}

export interface Reservation {
  usd: number;
  tokens: number;
  /** Settled (its actual cost booked) or released (it failed): a reservation counts once. */
  done: boolean;
}

/** A request the budget refused: ddflow stopped sending; the stage keeps its completed row groups. */
export class BudgetExhaustedError extends LlmError {
  constructor(readonly budget: SpendBudget) {
    super('budget_exhausted', budget.sentence());
    this.name = 'BudgetExhaustedError';
  }
}

const DEFAULT_COMPLETION_ESTIMATE = 256;

export class SpendBudget {
  private spentUsdTotal = 0;
  private spentTokensTotal = 0;
  private reservedUsd = 0;
  private reservedTokens = 0;
  private exhaustedFlag = false;
  /** Requests holding a reservation. */
  private inFlight = 0;
  /** Requests waiting for one in flight to settle. */
  private readonly waiters: Array<() => void> = [];
  /** Longest completion seen per model identity (for estimates when max_tokens is not set). */
  private readonly longest = new Map<string, number>();

  constructor(readonly limits: BudgetLimits) {}

  get active(): boolean {
    return this.limits.maxCostUsd != null || this.limits.maxTotalTokens != null;
  }
  get exhausted(): boolean {
    return this.exhaustedFlag;
  }
  get spentUsd(): number {
    return this.spentUsdTotal;
  }
  get spentTokens(): number {
    return this.spentTokensTotal;
  }

  /**
   * Reserves the estimate of one request. When it fits only once requests in flight have settled, it
   * waits for them; when it does not fit even then, it throws BudgetExhaustedError, and so does every
   * later request (the run stops sending).
   */
  async reserve(x: { identity: string; promptChars: number; maxTokens?: number | null; price: Price | null; signal?: AbortSignal }): Promise<Reservation> {
    const prompt = Math.ceil(x.promptChars / 3);
    for (;;) {
      const completion = x.maxTokens ?? this.longest.get(x.identity) ?? DEFAULT_COMPLETION_ESTIMATE;
      const r: Reservation = { usd: x.price ? tokenCost(x.price, prompt, completion) : 0, tokens: prompt + completion, done: false };
      if (!this.active) return r;
      if (this.exhaustedFlag) throw new BudgetExhaustedError(this);
      const { maxCostUsd, maxTotalTokens } = this.limits;
      const fits = (withReserved: boolean) =>
        (maxCostUsd == null || this.spentUsdTotal + (withReserved ? this.reservedUsd : 0) + r.usd <= maxCostUsd) &&
        (maxTotalTokens == null || this.spentTokensTotal + (withReserved ? this.reservedTokens : 0) + r.tokens <= maxTotalTokens);
      if (fits(true)) {
        this.reservedUsd += r.usd;
        this.reservedTokens += r.tokens;
        this.inFlight++;
        return r;
      }
      if (!fits(false) || this.inFlight === 0) {
        this.exhaustedFlag = true;
        this.wake();
        throw new BudgetExhaustedError(this);
      }
      // It would fit without what is in flight: wait until a request settles, then look again.
      if (x.signal?.aborted) throw new LlmError('cancelled', 'The request was cancelled.');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        x.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      if (x.signal?.aborted) throw new LlmError('cancelled', 'The request was cancelled.');
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Books a finished request's actual tokens and cost (null: unpriced) in place of its reservation. */
  settle(r: Reservation, actual: { identity: string; prompt: number; completion: number; usd: number | null }): void {
    // Booked before the reservation is released (which wakes the waiting requests to look again).
    this.spentUsdTotal += actual.usd ?? 0;
    this.spentTokensTotal += actual.prompt + actual.completion;
    if (actual.completion > (this.longest.get(actual.identity) ?? 0)) this.longest.set(actual.identity, actual.completion);
    this.release(r);
  }

  /** A request that got no answer: its reservation is given back. */
  release(r: Reservation): void {
    if (r.done || !this.active) return;
    r.done = true;
    this.inFlight--;
    this.reservedUsd -= r.usd;
    this.reservedTokens -= r.tokens;
    this.wake();
  }

  /** The limit that stopped the run and what was spent against it, e.g. `$0.0102 of max_cost_usd $0.01`. */
  sentence(): string {
    const parts: string[] = [];
    if (this.limits.maxCostUsd != null) parts.push(`${formatUsd(this.spentUsdTotal)} spent of the cost budget ${formatUsd(this.limits.maxCostUsd)} (run_config.max_cost_usd or --max-cost)`);
    if (this.limits.maxTotalTokens != null) parts.push(`${this.spentTokensTotal} tokens spent of the token budget ${this.limits.maxTotalTokens} (run_config.max_total_tokens or --max-tokens)`);
    return `the run reached its budget: ${parts.join('; ')}`;
  }
}
