/**
 * OpenAI-compatible provider batches through the real openai client: the deferred calls of one model
 * uploaded as a JSONL file (`/v1/files`, purpose `batch`), a batch created over it (`/v1/batches`,
 * completion window 24 h), polled with one `retrieve` per run, and its output file read back into the
 * call store — answers converted and cleaned exactly as online answers are, so the normal generation
 * path then answers every cell from the store.
 */
import type OpenAI from 'openai';
import { toFile } from 'openai';
import { DdflowError } from '../../diagnostics.js';
import type { CachedAnswer, CallCache } from '../call-cache.js';
import { toCompletion, toEmbedding, withoutSecret } from '../facade.js';
import { redactAnswer } from '../redact.js';
import type { ModelEndpoint } from '../registry.js';
import { withRetries, type RetryPolicy } from '../retry.js';
import { LlmError } from '../errors.js';
import type { BatchEndpoint, DeferredCall } from './deferred.js';

/** Statuses after which a batch changes no more. */
const TERMINAL = new Set(['completed', 'expired', 'failed', 'cancelled']);

export interface BatchCallOptions {
  retryPolicy: RetryPolicy;
  signal?: AbortSignal;
}

function retried<T>(endpoint: ModelEndpoint, o: BatchCallOptions, call: () => Promise<T>): Promise<T> {
  return withRetries(call, { admission: endpoint.admission, policy: o.retryPolicy, context: endpoint.errorContext, signal: o.signal });
}

/** The JSONL a batch is made of: one request line per call, its call-store key as `custom_id`. */
export function batchInputJsonl(calls: readonly DeferredCall[]): string {
  return calls.map((c) => JSON.stringify({ custom_id: c.key, method: 'POST', url: c.url, body: c.body })).join('\n') + '\n';
}

/** The endpoint's openai client: provider batches are the OpenAI-compatible files and batches APIs. */
function openaiClient(endpoint: ModelEndpoint): OpenAI {
  const client = endpoint.client as unknown as Partial<OpenAI>;
  if (!client.files || !client.batches) {
    throw new DdflowError(`Model alias '${endpoint.alias}' cannot use provider batches: provider '${endpoint.provider.name}' is not OpenAI-compatible (Anthropic message batches are not supported yet).`);
  }
  return client as OpenAI;
}

/** Uploads the calls and creates one batch over them; returns the batch and input file ids. */
export async function submitBatch(endpoint: ModelEndpoint, url: BatchEndpoint, calls: readonly DeferredCall[], o: BatchCallOptions & { description?: string }): Promise<{ id: string; inputFileId: string }> {
  const content = Buffer.from(batchInputJsonl(calls), 'utf8');
  const file = await retried(endpoint, o, async () =>
    openaiClient(endpoint).files.create({ file: await toFile(content, 'ddflow-batch.jsonl', { type: 'application/jsonl' }), purpose: 'batch' }, { timeout: endpoint.timeoutMs, signal: o.signal }),
  );
  const batch = await retried(endpoint, o, () =>
    openaiClient(endpoint).batches.create(
      { input_file_id: file.id, endpoint: url, completion_window: '24h', ...(o.description ? { metadata: { description: o.description.slice(0, 512) } } : {}) },
      { timeout: endpoint.timeoutMs, signal: o.signal },
    ),
  );
  return { id: batch.id, inputFileId: file.id };
}

export interface BatchState {
  /** The provider's status, or `unknown` when it answers 404 for the id (see pollBatch). */
  status: string;
  /** No further change: its answers (those it has) can be collected. */
  done: boolean;
  outputFileId?: string | null;
  errorFileId?: string | null;
  counts?: { total: number; completed: number; failed: number };
}

/**
 * The batch's state. A 404 for the id means the provider does not know this batch (purged, another
 * project or key, a call store restored from elsewhere): it is `unknown` and done, with no answers to
 * collect — not an unknown model, which is what a 404 means on the online endpoints.
 */
export async function pollBatch(endpoint: ModelEndpoint, id: string, o: BatchCallOptions): Promise<BatchState> {
  let b;
  try {
    b = await retried(endpoint, o, () => openaiClient(endpoint).batches.retrieve(id, { timeout: endpoint.timeoutMs, signal: o.signal }));
  } catch (err) {
    if (err instanceof LlmError && err.status === 404) return { status: 'unknown', done: true };
    throw err;
  }
  return {
    status: b.status,
    done: TERMINAL.has(b.status),
    outputFileId: b.output_file_id ?? null,
    errorFileId: b.error_file_id ?? null,
    counts: b.request_counts ? { total: b.request_counts.total, completed: b.request_counts.completed, failed: b.request_counts.failed } : undefined,
  };
}

export interface CollectResult {
  /** Answers written to the call store. */
  answered: number;
  /** Requests that failed, expired or are missing from the output: the next round submits them again. */
  failed: number;
  /** The first failure's text (for the log). */
  firstError?: string;
  tokens: { prompt: number; completion: number };
}

interface OutputLine {
  custom_id?: string;
  response?: { status_code?: number; body?: unknown } | null;
  error?: { message?: string; code?: string } | null;
}

/** Reads a finished batch's output file into the call store; every request without a usable answer counts as failed. */
export async function collectBatch(endpoint: ModelEndpoint, state: BatchState, requests: number, url: string, store: CallCache, o: BatchCallOptions): Promise<CollectResult> {
  const result: CollectResult = { answered: 0, failed: 0, tokens: { prompt: 0, completion: 0 } };
  const lines: OutputLine[] = [];
  for (const fileId of [state.outputFileId, state.errorFileId]) {
    if (!fileId) continue;
    const text = await retried(endpoint, o, async () => (await openaiClient(endpoint).files.content(fileId, { timeout: endpoint.timeoutMs, signal: o.signal })).text());
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      try {
        lines.push(JSON.parse(line) as OutputLine);
      } catch {
        // An unreadable line is a request without an answer: resubmitted.
      }
    }
  }
  for (const line of lines) {
    if (typeof line.custom_id !== 'string') continue;
    const status = line.response?.status_code;
    if (status !== 200 || !line.response?.body) {
      // A provider's error text may echo the credential: it is logged only with the key removed.
      const why = line.error?.message ?? (status !== undefined ? `HTTP ${status}` : 'no answer');
      result.firstError ??= redactAnswer(why.slice(0, 200), endpoint.errorContext.secret).text;
      continue;
    }
    let answer: CachedAnswer;
    try {
      answer = url.endsWith('/embeddings') ? toEmbedding(line.response.body, endpoint) : withoutSecret(toCompletion(line.response.body, endpoint), endpoint.errorContext.secret);
    } catch (err) {
      result.firstError ??= (err as Error).message;
      continue;
    }
    store.put(line.custom_id, answer);
    result.answered++;
    result.tokens.prompt += answer.usage.prompt;
    result.tokens.completion += answer.usage.completion;
  }
  result.failed = Math.max(0, requests - result.answered);
  return result;
}
