/**
 * `chat.completions.create` for OpenAI-compatible providers as one node:http(s) request on a keep-alive
 * agent: the request the openai client sends (POST {endpoint}/chat/completions, the JSON body as given,
 * `Authorization: Bearer <key>` unless the provider has no key, the provider's extra_headers over it),
 * without the client's per-request work.
 *
 * Why (issue 13, profiled with `node --cpu-prof` on a 1000-cell stage against the fake server): the openai
 * client spent about 0.15–0.2 ms of CPU per call on top of fetch() itself — header merging and validation
 * (buildHeaders), request-option copies, a request controller, log-detail formatting and response wrapping —
 * and fetch() (undici: web streams, Request/Response objects) 0.20–0.23 ms, where node:http takes
 * 0.03–0.04 ms. At 32 parallel calls that work sits on the path between one answer and the next request.
 * Everything else (the embeddings, images, files and batches APIs) still goes through the openai client.
 *
 * Errors are the openai client's classes, built as it builds them, so the retry policy reads them alike:
 * an HTTP error status → APIError.generate(status, JSON body, text when not JSON, headers) (429 with its
 * Retry-After headers); the timeout → APIConnectionTimeoutError; the caller's signal → APIUserAbortError;
 * anything else on the way → APIConnectionError (its cause kept: the retry detail reads its code); a body
 * that is not JSON → SyntaxError (a malformed response, retried).
 */
import http from 'node:http';
import https from 'node:https';
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
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'ddflow' };
  if (options.apiKey !== null) headers.authorization = `Bearer ${options.apiKey}`;
  for (const [name, value] of Object.entries(options.defaultHeaders ?? {})) {
    if (value === null || value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = String(value);
  }
  return headers;
}

/**
 * Idle kept-alive connections are closed after this long (or a second before the server's own
 * `Keep-Alive: timeout` hint): a server that closes idle connections without a hint (uvicorn's 5 s, as
 * vLLM runs it) must not see a request on a socket it is closing. fetch() (undici) uses the same 4 s.
 */
const IDLE_SOCKET_MS = 4000;

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) h.append(name, v);
  }
  return h;
}

export function leanChatCreate(options: LeanChatOptions): ChatCreate {
  const url = new URL(`${options.baseURL}/chat/completions`);
  const transport = url.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS });
  const target = {
    protocol: url.protocol,
    hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    method: 'POST',
    agent,
  };
  const headers = leanChatHeaders(options);
  if (url.username || url.password) headers.authorization ??= `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
  return (body, { timeout = 600_000, signal }) =>
    new Promise<unknown>((resolve, reject) => {
      if (signal?.aborted) return reject(new APIUserAbortError());
      const payload = Buffer.from(JSON.stringify(body), 'utf8');
      let settled = false;
      let timedOut = false;
      const done = (err: unknown, value?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (err === undefined) resolve(value);
        else reject(err);
      };
      const fail = (err: unknown) => {
        if (signal?.aborted) return done(new APIUserAbortError());
        if (timedOut) return done(new APIConnectionTimeoutError());
        done(new APIConnectionError({ cause: err instanceof Error ? err : new Error(String(err)) }));
      };
      const req = transport.request({ ...target, headers: { ...headers, 'content-length': String(payload.length) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        // A connection closed before the whole body came: a connection error (or the timeout / the cancel).
        res.on('close', () => {
          if (!res.complete) fail(Object.assign(new Error('The connection closed before the response was complete.'), { code: 'ECONNRESET' }));
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
            return done(APIError.generate(status, json as object | undefined, json === undefined ? text : undefined, headersOf(res.headers)));
          }
          try {
            done(undefined, JSON.parse(text) as unknown);
          } catch (err) {
            done(err); // SyntaxError: a malformed response
          }
        });
      });
      req.on('error', fail);
      // The timeout covers the whole exchange (a server that stalls mid-answer is a timeout).
      const timer = setTimeout(() => {
        timedOut = true;
        req.destroy(new Error('timeout'));
      }, timeout);
      const onAbort = () => req.destroy(new Error('cancelled'));
      signal?.addEventListener('abort', onAbort, { once: true });
      req.end(payload);
    });
}
