/**
 * LLM-backed columns (llm-text, llm-code, llm-structured, llm-judge) and embeddings: one model call
 * per cell through the injected model runtime (src/llm's facade), a bounded number in flight. A cell
 * that fails for good drops its row (counted by reason); a cell lost to a transient cause (the provider
 * down or rate limiting, after the retry budget) also leaves its row out, and the engine keeps its group
 * from being recorded as complete. The early-shutdown monitor stops the stage when too many recent
 * cells failed.
 */
import { setMaxListeners } from 'node:events';
import type { ColumnConfig, EmbeddingColumn, ImageColumn, LLMColumn } from '../../config/schema.js';
import { withMediaData } from '../media.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { DdflowError } from '../../diagnostics.js';
import { LlmError } from '../../llm/errors.js';
import { isTransientLoss } from '../../llm/outcomes.js';
import { DEFERRED_REASON, DeferredCallError } from '../../llm/batch/deferred.js';
import { contextBlocks } from '../../llm/multimodal.js';
import { codeRecipe, judgeRecipe, structuredRecipe, textRecipe, type ResponseRecipe } from '../../llm/recipes.js';
import { TemplateError } from '../../template/errors.js';
import type { CompiledTemplate } from '../../template/environment.js';
import { columnKind, sideEffectColumns } from '../columns.js';
import { columnStreams } from '../../shared/random.js';
import type { ColumnGenerator, GeneratorContext, RowDrops, RowGroup } from '../row-group.js';
import { skipGate } from '../skip.js';
import type { ModelRuntimeLike } from '../types.js';

/**
 * Raised to stop the stage: the failure rate over the recent window reached shutdown_error_rate.
 * `drops` are the rows of the in-flight group to remove (failed, or left incomplete by the stop); the
 * group's other rows are complete and are salvaged (written), as Data Designer does.
 */
export class EarlyShutdownError extends DdflowError {
  constructor(
    message: string,
    readonly drops: RowDrops = new Map(),
  ) {
    super(message);
  }
}

/** Reason recorded for rows left incomplete when generation stopped early. */
export const EARLY_SHUTDOWN_REASON = 'early_shutdown';
/** Reason recorded for rows abandoned by a cancelled run (their group is never recorded). */
export const CANCELLED_REASON = 'cancelled';

export interface LlmGeneratorDeps {
  models: ModelRuntimeLike;
  concurrency: number;
  /** Records a cell outcome; returns true when generation must stop. */
  recordOutcome(outcome: 'success' | 'failure' | 'retryable'): boolean;
  /** True once generation has stopped early (a later row group or column makes no more calls). */
  stopped?(): boolean;
  /** Told the message of every cell failure (the stage's error names the first). */
  onFailure?(message: string): void;
  /**
   * Told every row lost to a transient cause (provider down, overloaded or rate limiting, after the retry
   * budget): the row is dropped from the group, but the group must not be recorded as complete.
   */
  onTransientLoss?(err: LlmError): void;
  /** Told one-off notices of the model layer worth a log line. */
  onNotice?(message: string): void;
  /** Told every row that leaves a model pipeline (answered, skipped or dropped): live progress. */
  onRowSettled?(recordIndex: number, dropped: boolean): void;
}

/** Runs `task(i)` for each index with at most `limit` in flight. */
async function forEachLimited(count: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

function recipeFor(column: LLMColumn): ResponseRecipe<unknown> {
  switch (columnKind(column)) {
    case 'llm-code':
      return codeRecipe((column as { code_lang: string }).code_lang);
    case 'llm-structured': {
      const fmt = (column as { output_format: unknown }).output_format;
      return structuredRecipe((typeof fmt === 'string' ? JSON.parse(fmt) : fmt) as never);
    }
    case 'llm-judge':
      return judgeRecipe((column as unknown as { scores: never }).scores);
    default:
      return textRecipe();
  }
}

function failureReason(err: unknown): string {
  if (err instanceof LlmError) return err.reason;
  if (err instanceof TemplateError) return 'TemplateRenderError';
  return err instanceof Error ? err.name : 'Error';
}

export abstract class CellGenerator implements ColumnGenerator {
  abstract readonly outputColumns: string[];
  readonly dtypes = new Map<string, DeclaredType>();
  constructor(
    readonly column: LLMColumn | EmbeddingColumn | ImageColumn,
    protected readonly ctx: GeneratorContext,
    protected readonly deps: LlmGeneratorDeps,
  ) {}

  private readonly warned = new Set<string>();
  /** A warning from the model layer, given once per column and stage. */
  protected warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.ctx.warn(`Column '${this.column.name}': ${message}`);
  }

  /** Generates one cell (row `i`); throws when the cell fails. `signal` stops its model call. */
  abstract cell(group: RowGroup, i: number, signal?: AbortSignal): Promise<void>;

  generate(group: RowGroup): Promise<RowDrops> {
    return new CellPipeline([this], this.ctx, this.deps).generate(group);
  }
}

/**
 * Consecutive cell-by-cell columns run row by row: each row goes through the columns in order as soon
 * as its previous cell is done (as Data Designer's scheduler runs a row's cells when their inputs are
 * ready), with a bounded number of rows in flight. A row that fails a cell is dropped (counted by
 * reason) and makes no further calls. When the early-shutdown monitor trips, rows that already finished
 * every column are kept (salvaged); the rest of the group is dropped as incomplete.
 */
export class CellPipeline implements ColumnGenerator {
  readonly column: ColumnConfig;
  readonly outputColumns: string[];
  readonly dtypes = new Map<string, DeclaredType>();
  constructor(
    readonly cells: CellGenerator[],
    private readonly ctx: GeneratorContext,
    private readonly deps: LlmGeneratorDeps,
  ) {
    this.column = cells[0]!.column as ColumnConfig;
    this.outputColumns = cells.flatMap((c) => c.outputColumns);
    for (const c of cells) for (const [k, v] of c.dtypes) this.dtypes.set(k, v);
  }

  private stopMessage(): string {
    const names = this.cells.map((c) => `'${c.column.name}'`).join(', ');
    return `Generation stopped early: too many failed cells (shutdown_error_rate reached) while generating ${names}; completed rows are kept.`;
  }

  async generate(group: RowGroup): Promise<RowDrops> {
    const drops: RowDrops = new Map();
    if (this.deps.stopped?.()) {
      for (let i = 0; i < group.rows.length; i++) drops.set(i, EARLY_SHUTDOWN_REASON);
      throw new EarlyShutdownError(this.stopMessage(), drops);
    }
    const gates = this.cells.map((c) => skipGate(c.column as ColumnConfig, this.ctx.templates));
    // Aborted on early shutdown (or with the run): calls still waiting for admission never go out.
    const halt = new AbortController();
    setMaxListeners(0, halt.signal);
    const parent = this.ctx.signal;
    const onParentAbort = () => halt.abort();
    if (parent?.aborted) halt.abort();
    else parent?.addEventListener('abort', onParentAbort, { once: true });
    let stop = false;
    const stopNow = () => {
      stop = true;
      halt.abort();
    };
    const rowTask = async (i: number): Promise<void> => {
      for (let k = 0; k < this.cells.length; k++) {
        if (parent?.aborted) {
          drops.set(i, CANCELLED_REASON);
          return;
        }
        if (stop) {
          drops.set(i, EARLY_SHUTDOWN_REASON);
          return;
        }
        const gate = gates[k]!;
        if (gate.active && gate.apply(group, i)) continue;
        const cell = this.cells[k]!;
        try {
          await cell.cell(group, i, halt.signal);
          if (this.deps.recordOutcome('success')) stopNow();
        } catch (err) {
          if (err instanceof TemplateError && err.scope === 'template') throw err;
          if (parent?.aborted) {
            // The run was cancelled (Ctrl-C, the job cancelled): the cell was abandoned, it did not fail.
            // It must not count toward early shutdown; the engine leaves the group unrecorded.
            drops.set(i, CANCELLED_REASON);
            return;
          }
          if (err instanceof DeferredCallError) {
            // Batch mode: the call waits in a provider batch; the row is left out of this round, and
            // neither counts as a failure nor makes any further call.
            drops.set(i, DEFERRED_REASON);
            return;
          }
          if (stop && err instanceof LlmError && err.kind === 'cancelled' && !parent?.aborted) {
            // Abandoned by the early shutdown, not a failure of its own.
            drops.set(i, EARLY_SHUTDOWN_REASON);
            return;
          }
          if (err instanceof LlmError && err.kind === 'budget_exhausted') {
            // The run's budget refused the request: nothing more is sent, but the cells in flight finish
            // (they are paid for; their answers go to the call store for the rerun). Not a failure.
            drops.set(i, failureReason(err));
            this.deps.onTransientLoss?.(err);
            stop = true;
            return;
          }
          const transient = isTransientLoss(err);
          drops.set(i, failureReason(err));
          this.deps.onFailure?.((err as Error).message);
          if (transient) this.deps.onTransientLoss?.(err);
          this.ctx.log.debug(`${transient ? 'Transient' : 'Permanent'} failure on ${cell.column.name}[rg=${group.index}, row=${i}]: ${(err as Error).message}`);
          // A transient error reaches here only once its retry budget ran out: it counts toward early
          // shutdown like any failure. A rate-limit stall stops the stage at once.
          if (this.deps.recordOutcome(transient ? 'retryable' : 'failure') || (transient && err.kind === 'rate_limit_stall')) stopNow();
          return;
        }
      }
    };
    await forEachLimited(group.rows.length, this.deps.concurrency, async (i) => {
      const recordIndex = group.recordIndex[i]!;
      try {
        await rowTask(i);
      } finally {
        this.deps.onRowSettled?.(recordIndex, drops.has(i));
      }
    }).finally(() => parent?.removeEventListener('abort', onParentAbort));
    if (stop) throw new EarlyShutdownError(this.stopMessage(), drops);
    return drops;
  }
}

/** Merges runs of consecutive cell-by-cell generators into row pipelines (order is kept). */
export function pipelineCells(generators: readonly ColumnGenerator[], ctx: GeneratorContext, deps: LlmGeneratorDeps | null): ColumnGenerator[] {
  if (!deps) return [...generators];
  const out: ColumnGenerator[] = [];
  let run: CellGenerator[] = [];
  const flush = () => {
    if (run.length > 0) out.push(new CellPipeline(run, ctx, deps));
    run = [];
  };
  for (const g of generators) {
    if (g instanceof CellGenerator) run.push(g);
    else {
      flush();
      out.push(g);
    }
  }
  flush();
  return out;
}

export class LlmColumnGenerator extends CellGenerator {
  readonly outputColumns: string[];
  private readonly prompt: CompiledTemplate;
  private readonly system: CompiledTemplate | null;
  private readonly recipe: ResponseRecipe<unknown>;
  private readonly stream: ReturnType<typeof columnStreams>;

  constructor(column: LLMColumn, ctx: GeneratorContext, deps: LlmGeneratorDeps) {
    super(column, ctx, deps);
    this.outputColumns = [column.name, ...sideEffectColumns(column)];
    this.prompt = ctx.templates.main.compile(column.prompt);
    this.system = column.system_prompt ? ctx.templates.main.compile(column.system_prompt) : null;
    this.recipe = recipeFor(column);
    this.stream = columnStreams(ctx.seed, ctx.stageName, column.name);
    if (columnKind(column) === 'llm-structured' || columnKind(column) === 'llm-judge') this.dtypes.set(column.name, 'json');
    else this.dtypes.set(column.name, 'str');
  }

  async cell(group: RowGroup, i: number, signal: AbortSignal | undefined = this.ctx.signal): Promise<void> {
    const column = this.column as LLMColumn;
    const row = group.rows[i]!;
    const recordIndex = group.recordIndex[i]!;
    const result = await this.deps.models.generate({
      alias: column.model_alias,
      prompt: this.prompt.render(row),
      systemPrompt: this.system ? this.system.render(row) : null,
      ...(column.multi_modal_context?.length ? { images: contextBlocks(column.multi_modal_context, await withMediaData(row, column.multi_modal_context, this.ctx.mediaRoots ?? []), column.name) } : {}),
      recipe: this.recipe,
      rng: this.stream(recordIndex),
      recordKey: recordIndex,
      column: column.name,
      withTrace: column.with_trace ?? 'none',
      extractReasoning: column.extract_reasoning_content === true,
      signal,
      onNotice: this.deps.onNotice,
      ...(column.tool_alias ? { toolAlias: column.tool_alias } : {}),
    });
    row[column.name] = result.value;
    for (const w of result.warnings ?? []) this.warnOnce(w);
    if (column.with_trace && column.with_trace !== 'none') row[`${column.name}__trace`] = result.trace ?? null;
    if (column.extract_reasoning_content) row[`${column.name}__reasoning_content`] = result.reasoning ?? null;
  }
}

export class EmbeddingColumnGenerator extends CellGenerator {
  readonly outputColumns: string[];
  constructor(column: EmbeddingColumn, ctx: GeneratorContext, deps: LlmGeneratorDeps) {
    super(column, ctx, deps);
    this.outputColumns = [column.name];
    this.dtypes.set(column.name, 'json');
  }

  async cell(group: RowGroup, i: number, signal: AbortSignal | undefined = this.ctx.signal): Promise<void> {
    const column = this.column as EmbeddingColumn;
    const row = group.rows[i]!;
    row[column.name] = await this.deps.models.embed({
      alias: column.model_alias,
      input: row[column.target_column],
      recordKey: group.recordIndex[i]!,
      column: column.name,
      signal,
      onNotice: this.deps.onNotice,
    });
  }
}
