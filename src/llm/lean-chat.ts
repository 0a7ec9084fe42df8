/**
 * `chat.completions.create` for OpenAI-compatible providers as one fetch(): the request the openai client
 * sends (POST {endpoint}/chat/completions, the JSON body as given, `Authorization: Bearer <key>` unless the
 * provider has no key, the provider's extra_headers over it), without the client's per-request work.
 *
 * Why (issue 13, profiled with `node --cpu-prof` on a 1000-cell stage against the fake server): the openai
 * client spent about 0.15–0.2 ms of CPU per call on top of fetch() itself — header merging and validation
 * (buildHeaders), request-option copies, a request controller, log-detail formatting and response wrapping —
 * which at 32 parallel calls sits on the path between one answer and the next request. Everything else (the
 * embeddings, images, files and batches APIs) still goes through the openai client.
 *
 * Errors are the openai client's classes, built as it builds them, so the retry policy reads them alike:
 * an HTTP error status → APIError.generate(status, JSON body, text when not JSON, headers) (429 with its
 * Retry-After headers); the timeout → APIConnectionTimeoutError; the caller's signal → APIUserAbortError;
 * anything else on the way → APIConnectionError (its cause kept: the retry detail reads its code); a body
 * that is not JSON → SyntaxError (a malformed response, retried).
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export interface LeanChatOptions {
  /** The provider's endpoint, without a trailing slash. */
  baseURL: string;
  apiKey: string | null;
  /** The provider's extra_headers (they win over the Authorization header, as with the openai client). */
  defaultHeaders?: Record<string, string>;
}

export type ChatCreate = (body: unknown, options: { timeout?: number; signal?: AbortSignal }) => Promise<unknown>;

/** The headers every request of the provider carries (computed once; names lower-cased, later ones win). */
export function leanChatHeaders(options: LeanChatOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey}`;
  for (const [name, value] of Object.entries(options.defaultHeaders ?? {})) {
    if (value === null || value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

export function leanChatCreate(options: LeanChatOptions): ChatCreate {
  const url = `${options.baseURL}/chat/completions`;
  const headers = leanChatHeaders(options);
  return async (body, { timeout = 600_000, signal }) => {
    if (signal?.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal });
      // The timeout covers reading the body too (a server that stalls mid-answer is a timeout).
      text = await response.text();
    } catch (err) {
      if (signal?.aborted) throw new APIUserAbortError();
      if (timedOut) throw new APIConnectionTimeoutError();
      throw new APIConnectionError({ cause: err instanceof Error ? err : new Error(String(err)) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    if (!response.ok) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      throw APIError.generate(response.status, json as object | undefined, json === undefined ? text : undefined, response.headers);
    }
    return JSON.parse(text) as unknown;
  };
}
