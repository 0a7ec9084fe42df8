/**
 * LLM-backed columns (llm-text, llm-code, llm-structured, llm-judge) and embeddings: one model call
 * per cell through the injected model runtime (src/llm's facade), a bounded number in flight. A cell
 * that fails for good drops its row (counted by reason); the early-shutdown monitor stops the stage
 * when too many recent cells failed.
 */
import type { EmbeddingColumn, LLMColumn } from '../../config/schema.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { DdflowError } from '../../diagnostics.js';
import { LlmError } from '../../llm/errors.js';
import { codeRecipe, judgeRecipe, structuredRecipe, textRecipe, type ResponseRecipe } from '../../llm/recipes.js';
import { TemplateError } from '../../template/errors.js';
import type { CompiledTemplate } from '../../template/environment.js';
import { columnKind, sideEffectColumns } from '../columns.js';
import { columnStreams } from '../random.js';
import type { ColumnGenerator, GeneratorContext, RowDrops, RowGroup } from '../row-group.js';
import { skipGate } from '../skip.js';
import type { ModelRuntimeLike } from '../types.js';

/** Raised to stop the stage: the failure rate over the recent window reached shutdown_error_rate. */
export class EarlyShutdownError extends DdflowError {}

export interface LlmGeneratorDeps {
  models: ModelRuntimeLike;
  concurrency: number;
  /** Records a cell outcome; returns true when generation must stop. */
  recordOutcome(outcome: 'success' | 'failure' | 'retryable'): boolean;
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

abstract class CellGenerator implements ColumnGenerator {
  abstract readonly outputColumns: string[];
  readonly dtypes = new Map<string, DeclaredType>();
  constructor(
    readonly column: LLMColumn | EmbeddingColumn,
    protected readonly ctx: GeneratorContext,
    protected readonly deps: LlmGeneratorDeps,
  ) {}

  protected abstract cell(group: RowGroup, i: number): Promise<void>;

  async generate(group: RowGroup): Promise<RowDrops> {
    const drops: RowDrops = new Map();
    const gate = skipGate(this.column, this.ctx.templates);
    let stop = false;
    await forEachLimited(group.rows.length, this.deps.concurrency, async (i) => {
      if (stop || (gate.active && gate.apply(group, i))) return;
      try {
        await this.cell(group, i);
        stop = this.deps.recordOutcome('success') || stop;
      } catch (err) {
        if (err instanceof TemplateError && err.scope === 'template') throw err;
        const retryable = err instanceof LlmError && err.retryable;
        drops.set(i, failureReason(err));
        this.ctx.log.debug(`Non-retryable failure on ${this.column.name}[rg=${group.index}, row=${i}]: ${(err as Error).message}`);
        stop = this.deps.recordOutcome(retryable ? 'retryable' : 'failure') || stop;
      }
    });
    if (stop) throw new EarlyShutdownError(`Generation stopped early: too many failed cells in column '${this.column.name}' (shutdown_error_rate reached).`);
    return drops;
  }
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

  protected async cell(group: RowGroup, i: number): Promise<void> {
    const column = this.column as LLMColumn;
    const row = group.rows[i]!;
    const recordIndex = group.recordIndex[i]!;
    const result = await this.deps.models.generate({
      alias: column.model_alias,
      prompt: this.prompt.render(row),
      systemPrompt: this.system ? this.system.render(row) : null,
      recipe: this.recipe,
      rng: this.stream(recordIndex),
      recordKey: recordIndex,
      column: column.name,
      withTrace: column.with_trace ?? 'none',
      extractReasoning: column.extract_reasoning_content ?? false,
      signal: this.ctx.signal,
    });
    row[column.name] = result.value;
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

  protected async cell(group: RowGroup, i: number): Promise<void> {
    const column = this.column as EmbeddingColumn;
    const row = group.rows[i]!;
    row[column.name] = await this.deps.models.embed({
      alias: column.model_alias,
      input: row[column.target_column],
      recordKey: group.recordIndex[i]!,
      column: column.name,
      signal: this.ctx.signal,
    });
  }
}
