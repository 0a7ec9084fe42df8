/**
 * Data Designer's model health check (§5.3): before anything is generated, every model a run will use
 * answers one tiny request — chat: user `Hello!` with system `You are a helpful assistant.` and a
 * non-empty reply; embedding: `["Hello!"]`. A wrong model id, a bad key or an unreachable endpoint then
 * stops the run in seconds with one sentence, instead of dropping every row of the first stage.
 *
 * The calls go straight to the endpoint's client (not through the facade): they are never stored in the
 * call cache and never counted in a stage's usage. They still pass admission control and the transport
 * retry policy (5xx, timeouts, connection errors; 429s wait and retry), but a bad answer is not retried.
 */
import { DdflowError } from '../diagnostics.js';
import { cellRng } from '../shared/random.js';
import { LlmError } from './errors.js';
import { chatRequestBody, initialMessages, toCompletion, toEmbedding } from './facade.js';
import { displayEndpoint } from './providers.js';
import type { ModelEndpoint } from './registry.js';
import { DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy } from './retry.js';

/** Data Designer's overall limit for the health checks of one run. */
export { displayEndpoint };

export const HEALTH_CHECK_TIMEOUT_MS = 180_000;
export const SKIP_HEALTH_CHECKS_ENV = 'DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS';
export const HEALTH_CHECK_PROMPT = 'Hello!';
export const HEALTH_CHECK_SYSTEM_PROMPT = 'You are a helpful assistant.';

export interface HealthCheckOptions {
  retryPolicy?: RetryPolicy;
  /** Overall limit for all checks together (default 180 s). */
  timeoutMs?: number;
  /** The run's signal: aborting it stops the checks. */
  signal?: AbortSignal;
}

export interface HealthCheckResult {
  /** Aliases that answered. */
  checked: string[];
  /** Aliases not checked (`skip_health_check: true`, or an image model). */
  skipped: string[];
  /** HTTP requests that got an answer (retried attempts not counted). */
  calls: number;
  tokens: { prompt: number; completion: number };
}

/** `DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS=1` (or `true`) turns every check off. */
export function healthChecksDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env[SKIP_HEALTH_CHECKS_ENV]?.trim().toLowerCase();
  return v === '1' || v === 'true';
}

function reasonOf(err: LlmError, endpoint: ModelEndpoint): string {
  switch (err.kind) {
    case 'not_found':
      return 'model not found (404)';
    case 'authentication':
      return endpoint.keyVariable ? `authentication failed (401; check the variable ${endpoint.keyVariable})` : 'authentication failed (401)';
    case 'permission':
      return 'permission denied (403)';
    default:
      return err.message.replace(/\.$/, '');
  }
}

function failure(endpoint: ModelEndpoint, reason: string, cause?: unknown): DdflowError {
  const where = `model '${endpoint.model}' at ${displayEndpoint(endpoint.provider.endpoint)}`;
  return new DdflowError(`Model health check failed for alias '${endpoint.alias}' (${where}): ${reason}.`, { cause });
}

async function checkOne(endpoint: ModelEndpoint, policy: RetryPolicy, signal: AbortSignal, deadline: number): Promise<{ prompt: number; completion: number }> {
  const common = { admission: endpoint.admission, policy, context: endpoint.errorContext, signal, deadline };
  if (endpoint.kind === 'embedding') {
    const body: Record<string, unknown> = { model: endpoint.model, input: [HEALTH_CHECK_PROMPT], encoding_format: endpoint.params.encoding_format ?? 'float' };
    if (endpoint.params.dimensions != null) body.dimensions = endpoint.params.dimensions;
    Object.assign(body, endpoint.extraBody);
    const answer = await withRetries(async () => toEmbedding(await endpoint.client.embeddings.create(body as never, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
    if (answer.embeddings.length === 0 || answer.embeddings[0]!.length === 0) throw failure(endpoint, 'the reply held no embedding');
    return answer.usage;
  }
  // The same body a generation would send (inference parameters, extra_body), so a provider that
  // rejects a parameter fails here too. Fixed stream: the check is the same on every run.
  const messages = initialMessages(HEALTH_CHECK_PROMPT, HEALTH_CHECK_SYSTEM_PROMPT);
  const body = chatRequestBody(endpoint, messages, cellRng(0, 'health-check', endpoint.alias, 0));
  const answer = await withRetries(async () => toCompletion(await endpoint.client.chat.completions.create(body as never, { timeout: endpoint.timeoutMs, signal }), endpoint), common);
  if ((answer.content ?? '').trim() === '') throw failure(endpoint, 'the model returned an empty reply');
  return answer.usage;
}

/**
 * Checks every chat and embedding endpoint (each alias once, concurrently) unless its config says
 * `skip_health_check`. Throws one DdflowError naming each failing alias, its model, the provider's
 * endpoint and the reason (never a key value).
 */
export async function checkModelHealth(endpoints: Iterable<ModelEndpoint>, options: HealthCheckOptions = {}): Promise<HealthCheckResult> {
  const timeoutMs = options.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const result: HealthCheckResult = { checked: [], skipped: [], calls: 0, tokens: { prompt: 0, completion: 0 } };
  // One check per alias and model: a later stage may give an alias another model.
  const todo = new Map<string, ModelEndpoint>();
  for (const e of endpoints) {
    if (e.skipHealthCheck || e.kind === 'image') {
      if (!result.skipped.includes(e.alias)) result.skipped.push(e.alias);
      continue;
    }
    const key = `${e.alias}\u0000${e.identity}\u0000${e.kind}`;
    if (!todo.has(key)) todo.set(key, e);
  }
  if (todo.size === 0) return result;

  const timer = new AbortController();
  const timeout = setTimeout(() => timer.abort(), timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timer.signal]) : timer.signal;
  const deadline = Date.now() + timeoutMs;
  try {
    const outcomes = await Promise.allSettled([...todo.values()].map((e) => checkOne(e, policy, signal, deadline)));
    if (options.signal?.aborted) throw new LlmError('cancelled', 'The run was cancelled.');
    const problems: string[] = [];
    [...todo.values()].forEach((e, i) => {
      const o = outcomes[i]!;
      if (o.status === 'fulfilled') {
        result.calls++;
        result.tokens.prompt += o.value.prompt;
        result.tokens.completion += o.value.completion;
        if (!result.checked.includes(e.alias)) result.checked.push(e.alias);
        return;
      }
      const err = o.reason;
      let problem: DdflowError;
      if (err instanceof DdflowError && !(err instanceof LlmError)) problem = err;
      else if (timer.signal.aborted || (err instanceof LlmError && err.kind === 'cancelled')) {
        problem = failure(e, `no answer within ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}`, err);
      } else if (err instanceof LlmError) problem = failure(e, reasonOf(err, e), err);
      else problem = failure(e, err instanceof Error ? err.message.replace(/\.$/, '') : String(err), err);
      if (!problems.includes(problem.message)) problems.push(problem.message);
    });
    if (problems.length > 0) throw new DdflowError(problems.join(' '));
    return result;
  } finally {
    clearTimeout(timeout);
  }
}
