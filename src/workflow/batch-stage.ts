/**
 * A stage in batch mode (issue 17 item 4: `--batch`, or `inference_parameters.batch: true`), one round
 * per run:
 *  1. its provider batches noted in the call store are polled (one request each): while one is still
 *     running, the stage stays `pending` and nothing else is sent; finished ones are read into the call
 *     store (failed, expired or missing requests are simply not there: the round below asks them again);
 *  2. the stage is generated as usual, every call answered by the store; a call the store cannot answer
 *     (a batched model's) is not sent but collected (src/llm/batch/deferred.ts), its row left out;
 *  3. when calls were collected, they are submitted as one batch per model, noted in the call store (so
 *     they travel with it through the Actions cache) and in workflow-metadata.json, and the run ends
 *     `pending`. When none were, the generated stage IS the result: the same rows as an online run,
 *     since every cell got the answer the online API would have given for the same request.
 * Columns that depend on a batched column are met only once its answers are in the store: the next round.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { CallCache, type BatchTicket } from '../llm/call-cache.js';
import { DeferredCalls, type BatchEndpoint } from '../llm/batch/deferred.js';
import { collectBatch, pollBatch, submitBatch } from '../llm/batch/provider-batch.js';
import type { RetryPolicy } from '../llm/retry.js';
import type { Logger } from '../logger.js';
import type { ModelRuntimeLike } from '../engine/types.js';
import type { WorkflowEngine } from './execute-stage.js';
import type { BatchInfo, BatchUsage } from './report.js';
import type { LoadedWorkflow } from './model.js';
import { CALL_CACHE_DIR, stageModelConfigs, usedModelAliases, type ModelSession } from './stage-models.js';

/** What a stage left waiting on provider batches. */
export class BatchPending {
  constructor(
    readonly stage: string,
    readonly batches: BatchInfo[],
    /** `submitted` in this run, or still `running` from an earlier one. */
    readonly why: 'submitted' | 'running',
  ) {}

  /** The one line saying what is pending and when to look again. */
  message(): string {
    const requests = this.batches.reduce((a, b) => a + b.requests, 0);
    const ids = this.batches.map((b) => b.id).join(', ');
    const what = this.why === 'submitted' ? `submitted ${requests} model call${requests === 1 ? '' : 's'} as provider batch${this.batches.length === 1 ? '' : 'es'} ${ids}` : `provider batch${this.batches.length === 1 ? '' : 'es'} ${ids} (${requests} call${requests === 1 ? '' : 's'}) not finished yet (${[...new Set(this.batches.map((b) => b.status))].join(', ')})`;
    return `Stage '${this.stage}': ${what}; run the workflow again to collect the answers and go on — providers finish batches within their 24-hour window, often within an hour.`;
  }
}

/** Raised by the batch round's engine when the round ended with calls left to a batch. */
class RoundLeftCalls extends Error {}

/** Whether any model call of the workflow may go through a provider batch (`--batch`, or a model's `batch: true`). */
export function batchWanted(workflow: LoadedWorkflow, option: boolean | undefined): boolean {
  if (option) return true;
  const models = [...workflow.modelConfigs, ...workflow.stages.flatMap((s) => s.config.model_configs ?? [])];
  return models.some((m) => (m.inference_parameters as { batch?: boolean } | undefined)?.batch === true);
}

/**
 * The models the sharded stage of a shard run would send through provider batches: every model it uses
 * with `--batch`, else those with `batch: true`. Empty when the stage can be sharded. Only the sharded
 * stage: one before it is usually reused, and when the shard job must generate it, it is an ordinary
 * stage whose batch round may leave the job pending (a stage batched cheaply, then sharded online, was
 * refused outright).
 */
export function batchedModelsOfShardRun(workflow: LoadedWorkflow, stageName: string, option: boolean | undefined): string[] {
  const out = new Set<string>();
  for (const stage of workflow.stages.filter((s) => s.name === stageName)) {
    const used = new Set(usedModelAliases(stage.config));
    for (const m of stageModelConfigs(workflow, stage)) {
      if (used.has(m.alias) && (option || (m.inference_parameters as { batch?: boolean } | undefined)?.batch === true)) out.add(m.alias);
    }
  }
  return [...out];
}

/** The seed of the newest open batch in the call store of `workflowDir` (a fresh machine draws the same rows). */
export function openBatchSeed(workflowDir: string): number | undefined {
  return CallCache.openBatches(path.join(workflowDir, CALL_CACHE_DIR)).at(-1)?.seed;
}

export interface BatchRoundOptions {
  models: ModelSession;
  index: number;
  stage: string;
  fingerprint: string;
  seed: number;
  workflowDir: string;
  retryPolicy: RetryPolicy;
  signal?: AbortSignal;
  log: Logger;
}

/** One stage's batch round (after `models.readyFrom`); undefined when no model of the stage is batched. */
export function batchRound(o: BatchRoundOptions): BatchRound | undefined {
  const aliases = o.models.batchedAliases(o.index);
  return aliases.size === 0 ? undefined : new BatchRound(o, aliases);
}

export class BatchRound {
  private readonly deferred: DeferredCalls;
  /** Answers collected from finished batches in this run (for the log and the stage record). */
  readonly collected = { batches: 0, answered: 0, failed: 0 };

  constructor(
    private readonly o: BatchRoundOptions,
    aliases: Set<string>,
  ) {
    this.deferred = new DeferredCalls(aliases);
  }

  private get store(): CallCache {
    return this.o.models.store();
  }

  /**
   * The stage's open batches, whatever fingerprint they were submitted at: answers are keyed by request
   * (the call key), so an edit elsewhere in the stage (a later column's prompt) leaves an open batch's
   * requests the ones this round asks. Waiting for it and collecting it — instead of passing it by —
   * keeps those requests from being submitted (and paid for) twice, and closes the ticket.
   */
  private tickets(): BatchTicket[] {
    return CallCache.openBatches(path.join(this.o.workflowDir, CALL_CACHE_DIR)).filter((t) => t.stage === this.o.stage && t.seed === this.o.seed);
  }

  /** Polls the stage's open batches and collects the finished ones; a BatchPending while any still runs. */
  async collect(): Promise<BatchPending | undefined> {
    if (!this.store.enabled) throw new DdflowError('Batch mode keeps the answers of provider batches in the call store: it cannot run with --no-call-cache.');
    const registry = this.o.models.registryFor(this.o.index)!;
    const running: BatchInfo[] = [];
    for (const t of this.tickets()) {
      const endpoint = registry.aliases().includes(t.alias) ? registry.get(t.alias) : undefined;
      if (!endpoint) {
        this.store.closeBatch(t.id);
        continue;
      }
      const state = await pollBatch(endpoint, t.id, { retryPolicy: this.o.retryPolicy, signal: this.o.signal });
      if (state.status === 'unknown') {
        // Closed without answers, as a failed or expired batch is: its requests go into the next batch.
        this.store.closeBatch(t.id);
        this.o.log.warn(`Stage '${this.o.stage}': provider batch ${t.id} (${t.alias}) is unknown to the provider (404): its ${t.requests} request${t.requests === 1 ? ' is' : 's are'} submitted again.`);
        continue;
      }
      if (!state.done) {
        running.push({ id: t.id, alias: t.alias, requests: t.requests, status: state.status, submitted_at: t.submitted_at });
        continue;
      }
      const got = await collectBatch(endpoint, state, t.requests, t.endpoint, this.store, { retryPolicy: this.o.retryPolicy, signal: this.o.signal });
      const edited = t.fingerprint !== this.o.fingerprint;
      this.store.closeBatch(t.id, { answered: got.answered, failed: got.failed, prompt_tokens: got.tokens.prompt, completion_tokens: got.tokens.completion, ...(edited ? { fingerprint: this.o.fingerprint } : {}) });
      if (edited) this.o.log.info(`Stage '${this.o.stage}': provider batch ${t.id} was submitted before the stage changed; its answers serve the requests that are still the same.`);
      this.collected.batches++;
      this.collected.answered += got.answered;
      this.collected.failed += got.failed;
      const failed = got.failed > 0 ? `; ${got.failed} failed or expired (${got.firstError ?? 'no answer'}) and are submitted again` : '';
      this.o.log.info(`Stage '${this.o.stage}': provider batch ${t.id} (${t.alias}) ${state.status}: ${got.answered} of ${t.requests} answers collected${failed}.`);
    }
    return running.length > 0 ? new BatchPending(this.o.stage, running, 'running') : undefined;
  }

  /**
   * What the stage's batches (this run's and earlier runs') brought: the stage's `model_usage` counts
   * their answers as call-store answers, so the tokens the provider billed for them are reported here.
   */
  usage(): BatchUsage {
    const out: BatchUsage = { batches: 0, answered: 0, failed: 0, prompt_tokens: 0, completion_tokens: 0 };
    for (const { ticket, collected } of CallCache.batches(path.join(this.o.workflowDir, CALL_CACHE_DIR)).closed) {
      if (ticket.stage !== this.o.stage || (collected?.fingerprint ?? ticket.fingerprint) !== this.o.fingerprint || ticket.seed !== this.o.seed || !collected) continue;
      out.batches++;
      out.answered += collected.answered;
      out.failed += collected.failed;
      out.prompt_tokens += collected.prompt_tokens;
      out.completion_tokens += collected.completion_tokens;
    }
    return out;
  }

  /** The stage's model runtime for this round: batched aliases' missing answers are collected, not sent. */
  runtime(): ModelRuntimeLike | undefined {
    return this.o.models.runtimeFor(this.o.index, this.deferred);
  }

  /** The engine for this round: a round that left calls to a batch ends there (no output processors, no on_success). */
  engine(inner: WorkflowEngine): WorkflowEngine {
    return {
      runStage: async (input) => {
        let result;
        try {
          result = await inner.runStage(input);
        } catch (err) {
          // Rows left out because their calls wait in a batch may leave a group short or the stage empty.
          if (this.deferred.size > 0) throw new RoundLeftCalls();
          throw err;
        }
        if (this.deferred.size > 0) throw new RoundLeftCalls();
        return result;
      },
      runDatasetProcessors: (input) => inner.runDatasetProcessors(input),
    };
  }

  /** True for the error the round's engine ends a round with when calls were left to a batch. */
  isLeftCalls(err: unknown): boolean {
    return err instanceof RoundLeftCalls;
  }

  /** Submits the calls collected in this round (one batch per model), notes them, and clears the stage's partial output. */
  async submit(stageDir: string): Promise<BatchPending> {
    await fs.rm(stageDir, { recursive: true, force: true });
    const registry = this.o.models.registryFor(this.o.index)!;
    const out: BatchInfo[] = [];
    for (const [alias, calls] of this.deferred.byAlias()) {
      const endpoint = registry.get(alias);
      // One endpoint per batch: a model's chat and embedding calls never mix (a model has one kind).
      const url: BatchEndpoint = calls[0]!.url;
      const { id, inputFileId } = await submitBatch(endpoint, url, calls, { retryPolicy: this.o.retryPolicy, signal: this.o.signal, description: `ddflow stage ${this.o.stage}` });
      const ticket: BatchTicket = { id, stage: this.o.stage, fingerprint: this.o.fingerprint, seed: this.o.seed, alias, endpoint: url, input_file_id: inputFileId, requests: calls.length, submitted_at: new Date().toISOString() };
      this.store.noteBatch(ticket);
      out.push({ id, alias, requests: calls.length, status: 'submitted', submitted_at: ticket.submitted_at });
    }
    return new BatchPending(this.o.stage, out, 'submitted');
  }
}
