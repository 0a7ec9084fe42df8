/**
 * The models of a run: which model configs each stage sees, the registries built from them (key
 * variables checked once, when the first stage that must generate is reached), the health check, the
 * call store, and the per-stage model runtime handed to the engine. Stages reused or restored need none
 * of this, so a fully cached run needs no key.
 */
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import type { DataDesignerConfig, ModelConfig } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import { modelAliasesOf } from '../config/model-aliases.js';
import type { ModelRuntimeLike } from '../engine/types.js';
import {
  buildModelRegistry,
  builtinModelConfig,
  CallCache,
  checkModelHealth,
  healthChecksDisabled,
  LlmFacade,
  ModelRegistry,
  SKIP_HEALTH_CHECKS_ENV,
  type ModelEndpoint,
  type RetryPolicy,
  SpendBudget,
  type BudgetLimits,
  type UsageEntry,
} from '../llm/index.js';
import type { CallDeferral } from '../llm/batch/deferred.js';
import { LlmError } from '../llm/errors.js';
import { McpConnections, type McpProviderSpec } from '../llm/mcp/connections.js';
import { ToolSet } from '../llm/mcp/toolset.js';
import { providerSpecs, usedToolConfigs } from './stage-tools.js';
import type { Logger } from '../logger.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import type { ModelUsage, ModelUsageReport } from './report.js';
import type { RunCost } from '../shared/usage.js';

/** Where model answers are kept, inside the workflow's artifact directory (the Action caches it too). */
export const CALL_CACHE_DIR = 'call-cache';

/** Columns that call a model once per row. */
const MODEL_COLUMN_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'embedding', 'image']);

/** Model-backed columns of a stage: each costs one call per row (a custom column's calls are its own affair). */
export function modelColumnCount(stage: LoadedStage): number {
  return stage.config.columns.filter((c) => MODEL_COLUMN_TYPES.has(c.column_type.replace(/_/g, '-'))).length;
}

/**
 * Model configs a stage sees: the workflow's, with the stage config's own winning by alias, plus the
 * built-in config of every Data Designer default alias (`nvidia-text`, ...) its columns use and neither
 * defines (only those: adding unused defaults would change every stage's fingerprint).
 */
export function stageModelConfigs(workflow: LoadedWorkflow, stage: LoadedStage): ModelConfig[] {
  const byAlias = new Map<string, ModelConfig>();
  for (const m of workflow.modelConfigs) byAlias.set(m.alias, m);
  for (const m of stage.config.model_configs ?? []) byAlias.set(m.alias, m);
  for (const alias of usedModelAliases(stage.config)) {
    const builtin = byAlias.has(alias) ? undefined : builtinModelConfig(alias);
    if (builtin) byAlias.set(alias, builtin);
  }
  return [...byAlias.values()];
}

/**
 * The model registry of every selected stage from `fromIndex` on that has model columns: a missing key
 * variable (or an unusable provider) is one error before any of them runs, naming every variable
 * missing. Stages without model columns need no key.
 */
export function prepareModelRegistries(workflow: LoadedWorkflow, targetIndex: number, env: NodeJS.ProcessEnv, fromIndex = 0): Map<number, ModelRegistry> {
  const out = new Map<number, ModelRegistry>();
  const problems: string[] = [];
  for (let index = fromIndex; index <= targetIndex && index < workflow.stages.length; index++) {
    const stage = workflow.stages[index]!;
    const aliases = usedModelAliases(stage.config);
    if (aliases.length === 0) continue;
    try {
      out.set(index, buildModelRegistry({ models: stageModelConfigs(workflow, stage), providers: workflow.modelProviders, usedAliases: aliases, runConfig: workflow.runConfig, env }));
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      if (!problems.includes(err.message)) problems.push(err.message);
    }
  }
  if (problems.length > 0) throw new DdflowError(problems.join(' '));
  return out;
}

/**
 * The health check of every model the prepared stages use (unless turned off for a model by
 * `skip_health_check`, or for the run by DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS). Its calls are not in
 * any stage's usage: they are logged on their own.
 */
async function checkModels(
  registries: Map<number, ModelRegistry>,
  x: { env: NodeJS.ProcessEnv; retryPolicy: RetryPolicy; signal?: AbortSignal; log: Logger },
): Promise<void> {
  if (registries.size === 0) return;
  if (healthChecksDisabled(x.env)) {
    x.log.debug(`Model health checks skipped (${SKIP_HEALTH_CHECKS_ENV} is set).`);
    return;
  }
  const result = await checkModelHealth([...registries.values()].flatMap((r) => r.list()), { retryPolicy: x.retryPolicy, signal: x.signal });
  if (result.checked.length > 0) {
    const tokens = result.tokens.prompt + result.tokens.completion;
    x.log.info(`Model health check passed for ${result.checked.map((a) => `'${a}'`).join(', ')} (${result.calls} call${result.calls === 1 ? '' : 's'}, ${tokens} tokens, not counted in stage usage).`);
  }
  if (result.skipped.length > 0) x.log.debug(`Model health check skipped for ${result.skipped.map((a) => `'${a}'`).join(', ')}.`);
}

function usageOf(e: UsageEntry): ModelUsage {
  return {
    calls: e.calls,
    cached_calls: e.cachedCalls,
    retries: e.retries,
    prompt_tokens: e.promptTokens,
    completion_tokens: e.completionTokens,
    cost_usd: roundUsd(e.costUsd),
    unpriced_calls: e.unpricedCalls,
    ...(e.toolCalls || e.toolCallTurns ? { tool_calls: e.toolCalls, tool_call_turns: e.toolCallTurns } : {}),
  };
}

/** Dollars kept to 1e-9 (sums of float products otherwise print as 0.30000000000000004). */
export function roundUsd(usd: number): number {
  return Math.round(usd * 1e9) / 1e9;
}

function usageReport(facade: LlmFacade): ModelUsageReport {
  const map = (r: Record<string, UsageEntry>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, usageOf(v)]));
  return { total: usageOf(facade.usage.totals()), columns: map(facade.usage.byColumn()), models: map(facade.usage.byAlias()) };
}

/**
 * A cost budget needs a price for every model it may call (a cost the provider reports comes only with
 * the answer, too late to hold a request back): one sentence naming each model without one.
 */
function requirePrices(registries: Map<number, ModelRegistry>): void {
  const missing = new Set<string>();
  for (const r of registries.values()) for (const e of r.list()) if (!e.price) missing.add(`'${e.alias}' (model '${e.model}' at provider '${e.provider.name}')`);
  if (missing.size === 0) return;
  throw new DdflowError(
    `A cost budget is set (run_config.max_cost_usd or --max-cost), but model alias${missing.size === 1 ? '' : 'es'} ${[...missing].join(', ')} ha${missing.size === 1 ? 's' : 've'} no price: add pricing: {input_per_million: ..., output_per_million: ...} to ${missing.size === 1 ? 'its model config' : 'their model configs'}.`,
  );
}

/** Aliases named by a stage's columns (`model_alias` anywhere in a column, a custom function's `model_aliases`). */
export function usedModelAliases(config: DataDesignerConfig): string[] {
  return modelAliasesOf(config.columns);
}


/** How a stage is named among the call store's answered stages: the same fingerprint AND seed draw the same requests. */
export function answeredKey(fingerprint: string, seed: number): string {
  return `${fingerprint}:${seed}`;
}

/** The stages whose every model call the call store of `workflowDir` can answer. */
export function answeredStages(workflowDir: string): Set<string> {
  return CallCache.answeredStages(path.join(workflowDir, CALL_CACHE_DIR));
}

export interface ModelSessionOptions {
  workflow: LoadedWorkflow;
  targetIndex: number;
  env: NodeJS.ProcessEnv;
  retryPolicy: RetryPolicy;
  /** Keep and reuse model answers (false: `--no-call-cache`). */
  callCache: boolean;
  workflowDir: string;
  signal?: AbortSignal;
  log: Logger;
  /** The run's budget (run_config.max_cost_usd / max_total_tokens, or --max-cost / --max-tokens). */
  budget?: BudgetLimits;
  /** `--batch`: every model's calls go through provider batches (else only models with `batch: true`). */
  batch?: boolean;
}

/** The models of one run, prepared lazily: nothing is checked or opened until a stage must generate. */
export class ModelSession {
  private registries?: Map<number, ModelRegistry>;
  private healthChecked?: Promise<void>;
  private callCache?: CallCache;
  /** Shared by every stage of the run: spent + reserved is checked before each request. */
  readonly budget: SpendBudget;
  /** Each generated stage's facade (its usage and cost), by stage index. */
  private readonly facades = new Map<number, LlmFacade>();
  /** The run's MCP sessions (opened when the first stage with tools is prepared) and each stage's tool configs. */
  private mcp?: McpConnections;
  private readonly toolSets = new Map<number, Map<string, ToolSet>>();

  constructor(private readonly o: ModelSessionOptions) {
    this.budget = new SpendBudget(o.budget ?? {});
  }

  /** Checks every key the stages from `index` on need, and that their models answer (once per run). */
  readyFrom(index: number): Promise<void> {
    const registries = (this.registries ??= prepareModelRegistries(this.o.workflow, this.o.targetIndex, this.o.env, index));
    if (this.o.budget?.maxCostUsd != null) requirePrices(registries);
    // Models whose calls go through provider batches send no online request, health check included.
    const online = new Map([...registries].map(([i, r]) => [i, new ModelRegistry(new Map(r.list().filter((e) => !this.batched(e)).map((e) => [e.alias, e])))] as const));
    this.prepareTools(index);
    return (this.healthChecked ??= Promise.all([checkModels(online, { env: this.o.env, retryPolicy: this.o.retryPolicy, signal: this.o.signal, log: this.o.log }), this.checkTools()]).then(() => undefined));
  }

  /**
   * The tool configs of every stage from `index` on whose columns call MCP tools: a missing key is one
   * sentence before anything runs (with the models' keys, in readyFrom).
   */
  private prepareTools(index: number): void {
    if (this.mcp) return;
    const specs = new Map<string, McpProviderSpec>();
    const problems: string[] = [];
    const { workflow } = this.o;
    for (let i = index; i <= this.o.targetIndex && i < workflow.stages.length; i++) {
      const stage = workflow.stages[i]!;
      if (!stage.toolProviders) continue;
      try {
        for (const [name, spec] of providerSpecs(stage.toolProviders, workflow.dir, this.o.env)) specs.set(name, spec);
      } catch (err) {
        if (!(err instanceof DdflowError)) throw err;
        if (!problems.includes(err.message)) problems.push(err.message);
      }
    }
    if (problems.length) throw new DdflowError(problems.join(' '));
    if (specs.size === 0) return;
    this.mcp = new McpConnections(specs);
    for (let i = index; i <= this.o.targetIndex && i < workflow.stages.length; i++) {
      const configs = usedToolConfigs(workflow.stages[i]!.config);
      if (configs.length) this.toolSets.set(i, new Map(configs.map((t) => [t.tool_alias, new ToolSet(t, this.mcp!)])));
    }
  }

  /**
   * Lists the tools of every prepared tool config (servers started, allow_tools and duplicate names
   * checked), so that a server that cannot start or a tool that does not exist is one sentence before any
   * row is generated, not a failure in every row.
   */
  private async checkTools(): Promise<void> {
    for (const [i, sets] of this.toolSets) {
      for (const set of sets.values()) {
        try {
          const schemas = await set.schemas(this.o.signal);
          const names = schemas.map((s) => (s.function as { name: string }).name);
          this.o.log.info(`Tools of '${set.alias}' (stage '${this.o.workflow.stages[i]!.name}'): ${names.length ? names.join(', ') : 'none'}.`);
        } catch (err) {
          if (!(err instanceof LlmError)) throw err;
          throw new DdflowError(`Stage '${this.o.workflow.stages[i]!.name}', tool config '${set.alias}': ${err.message}`, { cause: err });
        }
      }
    }
  }

  /** Whether an endpoint's calls go through provider batches (`--batch`, or its `batch: true`). */
  private batched(e: ModelEndpoint): boolean {
    return e.kind !== 'image' && (this.o.batch === true || e.params.batch === true);
  }

  /** The models of stage `index` whose calls go through provider batches (none: the stage runs online). Call readyFrom first. */
  batchedAliases(index: number): Set<string> {
    return new Set((this.registries?.get(index)?.list() ?? []).filter((e) => this.batched(e)).map((e) => e.alias));
  }

  /** The stage's registry (after readyFrom). */
  registryFor(index: number): ModelRegistry | undefined {
    return this.registries?.get(index);
  }

  /** The run's call store, opened on first use. */
  store(): CallCache {
    return (this.callCache ??= this.o.callCache ? CallCache.open(path.join(this.o.workflowDir, CALL_CACHE_DIR)) : CallCache.disabled());
  }

  /**
   * A stage's model runtime, or undefined for a stage without model columns. Call readyFrom first.
   * With `deferral`, calls the store cannot answer for the aliases it names are collected, not sent.
   */
  runtimeFor(index: number, deferral?: CallDeferral): ModelRuntimeLike | undefined {
    const registry = this.registries?.get(index);
    if (!registry) return undefined;
    // Every in-flight model call listens on the run's signal (admission wait, HTTP request, backoff):
    // many more than Node's default of 10, which would print a leak warning.
    if (this.o.signal) setMaxListeners(0, this.o.signal);
    const facade = new LlmFacade(registry, { callCache: this.store(), runConfig: this.o.workflow.runConfig, retryPolicy: this.o.retryPolicy, budget: this.budget, deferral, tools: this.toolSets.get(index), stage: this.o.workflow.stages[index]!.name });
    this.facades.set(index, facade);
    return {
      generate: (req) => facade.generate(req),
      embed: (req) => facade.embed(req),
      generateImage: (req) => facade.generateImage(req),
      tokenUsage: () => {
        const t = facade.usage.totals();
        return { prompt: t.promptTokens, completion: t.completionTokens };
      },
      usageReport: () => usageReport(facade),
    };
  }

  /** Calls, tokens and cost of stage `index` in this run (also of a stage that failed or was stopped). */
  stageUsage(index: number): ModelUsageReport | undefined {
    const facade = this.facades.get(index);
    return facade ? usageReport(facade) : undefined;
  }

  /** What this run's model calls cost, over every stage it generated. */
  runCost(): RunCost {
    const total: RunCost = { usd: 0, calls: 0, cached_calls: 0, unpriced_calls: 0, prompt_tokens: 0, completion_tokens: 0, models: {} };
    for (const facade of this.facades.values()) {
      const t = facade.usage.totals();
      total.usd += t.costUsd;
      total.calls += t.calls;
      total.cached_calls += t.cachedCalls;
      total.unpriced_calls += t.unpricedCalls;
      total.prompt_tokens += t.promptTokens;
      total.completion_tokens += t.completionTokens;
      for (const [alias, e] of Object.entries(facade.usage.byAlias())) {
        const m = (total.models[alias] ??= { calls: 0, cached_calls: 0, retries: 0, prompt_tokens: 0, completion_tokens: 0, cost_usd: 0, unpriced_calls: 0 });
        const u = usageOf(e);
        m.calls += u.calls;
        m.cached_calls += u.cached_calls;
        m.retries += u.retries;
        m.prompt_tokens += u.prompt_tokens;
        m.completion_tokens += u.completion_tokens;
        m.cost_usd = roundUsd(m.cost_usd! + u.cost_usd!);
        m.unpriced_calls! += u.unpriced_calls!;
      }
    }
    total.usd = roundUsd(total.usd);
    const limits = this.o.budget;
    if (limits && (limits.maxCostUsd != null || limits.maxTotalTokens != null)) {
      total.budget = { max_cost_usd: limits.maxCostUsd ?? null, max_total_tokens: limits.maxTotalTokens ?? null, exhausted: this.budget.exhausted };
    }
    return total;
  }

  /** After a stage generated every row with its model calls answered: `plan` can then count 0 calls for it. */
  markAnswered(fingerprint: string, seed: number): void {
    this.callCache?.markStageAnswered(answeredKey(fingerprint, seed));
  }

  /** Closes the call store and the MCP sessions (stdio tool servers are stopped). */
  async close(): Promise<void> {
    this.callCache?.close();
    await this.mcp?.close();
  }
}
