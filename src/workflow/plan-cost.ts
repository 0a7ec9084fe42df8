/**
 * Dollars in the plan (issue 17): for every stage a run would generate, what its model calls are
 * expected to cost. Calls: the plan's own count (calls the call store cannot answer). Prompt tokens:
 * the prompts of a sample of rows, rendered as a run renders them (the engine itself runs the sample,
 * with a model runtime that sends nothing) and counted with a real tokenizer (gpt-tokenizer, o200k).
 * Completion tokens: what the column's answers averaged in earlier runs (workflow-metadata.json),
 * else the model's max_tokens, else 256. Where a stage's input is not generated yet (its upstream
 * runs in this pass), the sample of the upstream stage is handed down, its model answers stood in
 * for by text of the expected completion length.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import type { ModelRuntimeLike } from '../engine/types.js';
import { composeUserPrompt, embeddingInputs, formatUsd, mergeProviders, priceOf, tokenCost, type GenerateRequest, type Price } from '../llm/index.js';
import { silentLogger } from '../logger.js';
import { defaultEngine } from './execute-stage.js';
import type { LoadedWorkflow } from './model.js';
import { parquetFilesAt } from './outputs.js';
import type { Plan, PlanContext, StagePlan } from './plan.js';
import { stageModelConfigs } from './stage-models.js';
import { roundUsd } from './stage-models.js';

/** Rows rendered per stage to measure its prompts. */
export const ESTIMATE_SAMPLE_ROWS = 8;
/** Completion tokens a call is assumed to take when neither history nor max_tokens says. */
const DEFAULT_COMPLETION_TOKENS = 256;

/** What `plan` expects a stage to cost (`plan --json`: `estimate`). */
export interface StageEstimate {
  /** Model calls the call store cannot answer (the plan's `calls`). */
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** US dollars expected, and the range: the sample's shortest/longest prompts, completions from none (or half the history) to max_tokens (or twice the history). Null when a model has no price. */
  usd: number | null;
  usd_low: number | null;
  usd_high: number | null;
  /** Aliases without a price (their tokens are counted, their dollars are not known). */
  unpriced_models?: string[];
  /** How the figures were obtained, in a sentence. */
  basis: string;
}

interface ColumnSample {
  alias: string;
  /** Prompt tokens of each sampled call. */
  prompts: number[];
}

export type TokenCounter = (text: string) => number;

async function loadTokenCounter(): Promise<TokenCounter> {
  const { countTokens } = await import('gpt-tokenizer');
  return (text) => {
    try {
      return countTokens(text);
    } catch {
      // Text holding a special token (`<|endoftext|>`) is refused by the encoder: count it roughly.
      return Math.ceil(text.length / 4);
    }
  };
}

/** Adds `estimate` to every stage of `plan` that would be generated. Never calls a model. */
export async function estimatePlanCosts(ctx: PlanContext, plan: Plan): Promise<void> {
  const count = await loadTokenCounter();
  const engine = await defaultEngine();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ddflow-plan-estimate-'));
  const seed = ctx.options.seed ?? ctx.prior?.seed ?? 0;
  /** The files the next stage reads: a reused stage's output, or the sample of a generated one. */
  let handed: { files: string[]; sampled: boolean } | undefined;
  try {
    for (const step of plan.stages) {
      if (step.decision === 'skipped') break;
      const stage = ctx.workflow.stages[step.index]!;
      if (step.decision === 'cached' || step.decision === 'restore') {
        handed = step.outcome ? { files: await parquetFilesAt(step.outcome.ownOutputPath), sampled: false } : undefined;
        continue;
      }
      const completions = completionHistory(ctx, step.index);
      const models = stageModelConfigs(ctx.workflow, stage);
      const maxTokens = new Map(models.map((m) => [m.alias, (m.inference_parameters as { max_tokens?: number | null } | undefined)?.max_tokens ?? null]));
      const expectedCompletion = (column: string, alias: string) => completions.get(column)?.mean ?? maxTokens.get(alias) ?? DEFAULT_COMPLETION_TOKENS;
      const samples = new Map<string, ColumnSample>();
      const runtime = samplingRuntime(count, samples, expectedCompletion);
      const n = Math.max(1, Math.min(ESTIMATE_SAMPLE_ROWS, step.rows ?? ESTIMATE_SAMPLE_ROWS));
      const stageDir = path.join(scratch, `stage-${step.index}`);
      let sampleFiles: string[] = [];
      let problem: string | undefined;
      try {
        const config: DataDesignerConfig = { ...stage.config, model_configs: models, ...(handed ? { seed_config: null } : {}) };
        const result = await engine.runStage({
          stageName: stage.name,
          stageIndex: step.index,
          config,
          numRecords: n,
          stageDir,
          seed,
          runConfig: { ...ctx.workflow.runConfig, buffer_size: n, disable_early_shutdown: true },
          upstream: handed ? { files: handed.files, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
          resume: false,
          models: runtime,
          db: ctx.db,
          log: silentLogger,
        });
        sampleFiles = result.outputFiles;
      } catch (err) {
        problem = (err as Error).message.split('\n')[0];
      }
      if (step.calls !== null) step.estimate = estimateOf(ctx.workflow, step, samples, completions, maxTokens, { sampled: n, upstreamSampled: handed?.sampled === true, problem });
      handed = sampleFiles.length > 0 ? { files: sampleFiles, sampled: true } : undefined;
      if (!handed) break;
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** Mean completion tokens per call of each column in the last run of stage `index` (calls over HTTP only). */
function completionHistory(ctx: PlanContext, index: number): Map<string, { mean: number }> {
  const out = new Map<string, { mean: number }>();
  const rec = ctx.prior?.stages?.[index];
  for (const [column, u] of Object.entries(rec?.model_usage?.columns ?? {})) {
    const paid = u.calls - u.cached_calls;
    if (paid > 0 && u.completion_tokens > 0) out.set(column, { mean: u.completion_tokens / paid });
  }
  return out;
}

/** A model runtime that sends nothing: it counts each request's prompt and answers with text of the expected length. */
function samplingRuntime(count: TokenCounter, samples: Map<string, ColumnSample>, expected: (column: string, alias: string) => number): ModelRuntimeLike {
  const note = (column: string | undefined, alias: string, tokens: number) => {
    const key = column ?? alias;
    let s = samples.get(key);
    if (!s) samples.set(key, (s = { alias, prompts: [] }));
    s.prompts.push(tokens);
  };
  return {
    async generate<T>(req: GenerateRequest<T>) {
      const user = composeUserPrompt(req.prompt, req.recipe);
      note(req.column, req.alias, count(user) + (req.systemPrompt ? count(req.systemPrompt) : 0));
      const text = ' word'.repeat(Math.max(1, Math.round(expected(req.column ?? req.alias, req.alias)))).trim();
      return { value: text as T, raw: text, usage: { prompt: 0, completion: 0 }, calls: 1, corrections: 0, restarts: 0, retries: 0, cacheHits: 0 };
    },
    async embed(req) {
      const inputs = embeddingInputs(req.input);
      note(req.column, req.alias, inputs.reduce((a, t) => a + count(t), 0));
      return { embeddings: inputs.map(() => [0]), num_embeddings: inputs.length, dimension: 1 };
    },
  };
}

function estimateOf(
  workflow: LoadedWorkflow,
  step: StagePlan,
  samples: Map<string, ColumnSample>,
  completions: Map<string, { mean: number }>,
  maxTokens: Map<string, number | null>,
  how: { sampled: number; upstreamSampled: boolean; problem?: string },
): StageEstimate {
  const calls = step.calls ?? 0;
  const stage = workflow.stages[step.index]!;
  const configs = new Map(stageModelConfigs(workflow, stage).map((m) => [m.alias, m]));
  const providers = mergeProviders(workflow.modelProviders);
  const columns = [...samples.entries()];
  const perColumnCalls = columns.length > 0 ? calls / columns.length : 0;
  let prompt = 0;
  let completion = 0;
  let usd: number | null = 0;
  let low: number | null = 0;
  let high: number | null = 0;
  const unpriced = new Set<string>();
  for (const [column, s] of columns) {
    const mean = s.prompts.reduce((a, b) => a + b, 0) / s.prompts.length;
    const history = completions.get(column)?.mean;
    const max = maxTokens.get(s.alias) ?? null;
    const c = history ?? max ?? DEFAULT_COMPLETION_TOKENS;
    prompt += mean * perColumnCalls;
    completion += c * perColumnCalls;
    const config = configs.get(s.alias);
    const price: Price | null = config ? priceOf(config as never, providers.get(config.provider)) : null;
    if (!price) {
      unpriced.add(s.alias);
      continue;
    }
    const cLow = history !== undefined ? history / 2 : 0;
    const cHigh = max ?? (history !== undefined ? 2 * history : 4 * DEFAULT_COMPLETION_TOKENS);
    usd! += tokenCost(price, mean, c) * perColumnCalls;
    low! += tokenCost(price, Math.min(...s.prompts), cLow) * perColumnCalls;
    high! += tokenCost(price, Math.max(...s.prompts), cHigh) * perColumnCalls;
  }
  if (unpriced.size > 0) usd = low = high = null;
  const parts = [
    calls === 0 ? 'no model call to make' : `${calls} call${calls === 1 ? '' : 's'}; prompts of ${how.sampled} sample row${how.sampled === 1 ? '' : 's'} rendered and counted with gpt-tokenizer`,
  ];
  if (how.upstreamSampled) parts.push('its input is not generated yet: rendered from a sample of the upstream stage whose model answers stand in at their expected length');
  if (columns.length > 0) {
    const sources = columns.map(([column, s]) => `${column}: ${completions.has(column) ? 'the last run' : maxTokens.get(s.alias) != null ? 'max_tokens' : `${DEFAULT_COMPLETION_TOKENS} assumed`}`);
    parts.push(`completion tokens from ${sources.join(', ')}`);
  }
  if (how.problem) parts.push(`the sample stopped early (${how.problem})`);
  if (unpriced.size > 0) parts.push(`no price for ${[...unpriced].map((a) => `'${a}'`).join(', ')}`);
  return {
    calls,
    prompt_tokens: Math.round(prompt),
    completion_tokens: Math.round(completion),
    usd: usd === null ? null : roundUsd(usd),
    usd_low: low === null ? null : roundUsd(low),
    usd_high: high === null ? null : roundUsd(high),
    ...(unpriced.size > 0 ? { unpriced_models: [...unpriced] } : {}),
    basis: parts.join('; '),
  };
}

/** The plan table's cost cell, one word: `~$0.12($0.08-$0.30)`, `$0` with nothing to pay, `?` without a price, empty when not generated. */
export function estimateCell(e: StageEstimate | undefined): string {
  if (!e) return '';
  if (e.calls === 0) return '$0';
  if (e.usd === null) return '?';
  return `~${formatUsd(e.usd)}(${formatUsd(e.usd_low!)}-${formatUsd(e.usd_high!)})`;
}
