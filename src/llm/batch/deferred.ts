/**
 * Batch mode's one hook into the online request path: a model call the call store cannot answer is not
 * sent, it is handed to a collector (the stage's next provider batch) and the cell stops with a
 * DeferredCallError. The engine leaves such a row out without counting a failure; the round ends with
 * the collected calls submitted as one batch per model, and a later run finds their answers in the store.
 */
import { DdflowError } from '../../diagnostics.js';

/** The provider batch endpoints ddflow submits to. */
export type BatchEndpoint = '/v1/chat/completions' | '/v1/embeddings';

/** One request that was not sent: its call-store key, the alias that would have sent it, and what. */
export interface DeferredCall {
  key: string;
  alias: string;
  url: BatchEndpoint;
  body: Record<string, unknown>;
}

/** Decides per alias whether its missing answers go to a provider batch, and collects them. */
export interface CallDeferral {
  defers(alias: string): boolean;
  add(call: DeferredCall): void;
}

/** Raised instead of sending a request that is left to a provider batch: not a failure of the cell. */
export class DeferredCallError extends DdflowError {
  constructor(readonly call: DeferredCall) {
    super(`The model call of alias '${call.alias}' is left to a provider batch.`);
    this.name = 'DeferredCallError';
  }
}

/** The reason a row left to a batch is counted under in a round that ends pending (never in a completed stage). */
export const DEFERRED_REASON = 'DeferredToBatch';

/** Collects the calls of one stage round, one entry per key (two cells asking the same thing share it). */
export class DeferredCalls implements CallDeferral {
  private readonly calls = new Map<string, DeferredCall>();
  constructor(private readonly aliases: ReadonlySet<string> | 'all') {}
  defers(alias: string): boolean {
    return this.aliases === 'all' || this.aliases.has(alias);
  }
  add(call: DeferredCall): void {
    if (!this.calls.has(call.key)) this.calls.set(call.key, call);
  }
  get size(): number {
    return this.calls.size;
  }
  /** The collected calls grouped by alias (one provider batch each), in the order they were met. */
  byAlias(): Map<string, DeferredCall[]> {
    const out = new Map<string, DeferredCall[]>();
    for (const c of this.calls.values()) {
      const list = out.get(c.alias) ?? [];
      list.push(c);
      out.set(c.alias, list);
    }
    return out;
  }
}
