/**
 * Connections to the MCP servers of a run, through the official `@modelcontextprotocol/sdk` client: one
 * session per provider, opened on first use and shared by every cell (as Data Designer's MCPIOService pools
 * sessions), tool lists fetched once per provider with concurrent requests sharing one listing, and every
 * session closed (stdio servers stopped) by `close()`.
 *
 * Transports as Data Designer picks them (engine/mcp/io.py): `stdio` starts `command args` with `env` over
 * the SDK's minimal default environment (PATH, HOME, ...; ddflow's own variables, keys included, are not
 * inherited unless `pass_env` names them); `streamable_http` and `sse` connect to `endpoint` with
 * `Authorization: Bearer <key>` when the provider has an api_key.
 *
 * The SDK is loaded when the first session opens: a run without tools never loads it.
 */
import type { Readable } from 'node:stream';
import { LlmError } from '../errors.js';
import { MIN_ANSWER_SECRET_LENGTH, redactorFor, type SecretRedactor } from '../redact.js';
import { stderrTail } from '../../shared/stderr-tail.js';
import { displayEndpoint } from '../../shared/display-url.js';
import type { McpToolDefinition } from './tool-results.js';

/** The largest message a stdio tool server may send (a tool result of a few hundred megabytes is a bug of its own). */
const MAX_STDIO_MESSAGE_BYTES = 256 * 1024 * 1024;

/** A provider ready to connect to: secrets resolved, paths absolute. */
export type McpProviderSpec = (
  | { name: string; provider_type: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd: string }
  | { name: string; provider_type: 'sse' | 'streamable_http'; endpoint: string; apiKey: string | null }
) & {
  /** Values that must never reach a message, a trace or the dataset (the key, `pass_env` values). */
  secrets?: readonly string[];
};

/** The largest timer Node accepts: "no timeout" (Data Designer's timeout_sec: None) without the SDK's 60 s default. */
const NO_TIMEOUT_MS = 2 ** 31 - 1;

interface Session {
  client: import('@modelcontextprotocol/sdk/client/index.js').Client;
  /** The stdio server's stderr so far (for a message when it fails). */
  stderr: () => string;
}

export interface McpCallOptions {
  timeoutMs?: number | null;
  signal?: AbortSignal;
}

export class McpConnections {
  private readonly sessions = new Map<string, Promise<Session>>();
  private readonly toolLists = new Map<string, Promise<McpToolDefinition[]>>();
  private closed = false;
  private readonly redactors: SecretRedactor[];

  constructor(
    private readonly providers: ReadonlyMap<string, McpProviderSpec>,
    private readonly clientVersion = '0',
  ) {
    // Short placeholders (`none`) are not secrets worth cutting out of every text.
    this.redactors = [...providers.values()].flatMap((p) => (p.secrets ?? []).filter((v) => v.trim().length >= MIN_ANSWER_SECRET_LENGTH).map((v) => redactorFor(v)));
  }

  /** `text` without any of the providers' secrets (a server that echoes its token, a stderr line quoting it). */
  redact(text: string): string {
    let out = text;
    for (const r of this.redactors) out = r.redact(out).text;
    return out;
  }

  /** How a provider is named in messages: its name and where it runs (never a key). */
  describe(name: string): string {
    const p = this.providers.get(name);
    if (!p) return `MCP provider '${name}'`;
    return p.provider_type === 'stdio' ? `MCP provider '${name}' (stdio: ${[p.command, ...p.args].join(' ')})` : `MCP provider '${name}' (${p.provider_type}: ${displayEndpoint(p.endpoint)})`;
  }

  /** The provider's tools (listed once; later callers share the listing). */
  listTools(name: string, options: McpCallOptions = {}): Promise<McpToolDefinition[]> {
    let listing = this.toolLists.get(name);
    if (!listing) {
      listing = this.request(name, 'listing its tools', options, async (s, requestOptions) => {
        const tools: McpToolDefinition[] = [];
        let cursor: string | undefined;
        // Bounded: a server that keeps returning cursors is not followed past 100 pages.
        for (let page = 0; page < 100; page++) {
          const r = await s.client.listTools(cursor ? { cursor } : undefined, requestOptions);
          for (const t of r.tools) tools.push({ name: t.name, ...(t.description !== undefined ? { description: t.description } : {}), ...(t.inputSchema ? { inputSchema: t.inputSchema as Record<string, unknown> } : {}) });
          cursor = r.nextCursor;
          if (!cursor) break;
        }
        return tools;
      });
      this.toolLists.set(name, listing);
      // A failed listing is not kept: the next cell tries again.
      listing.catch(() => this.toolLists.delete(name));
    }
    return listing;
  }

  /** Calls one tool; the server's result as it answered it (`content`, `isError`, ...). */
  callTool(name: string, tool: string, args: Record<string, unknown>, options: McpCallOptions = {}): Promise<unknown> {
    return this.request(name, `calling tool '${tool}'`, options, (s, requestOptions) => s.client.callTool({ name: tool, arguments: args }, undefined, requestOptions));
  }

  private async request<T>(name: string, what: string, options: McpCallOptions, run: (s: Session, o: { timeout: number; signal?: AbortSignal; maxTotalTimeout?: number }) => Promise<T>): Promise<T> {
    const session = await this.session(name);
    const timeout = options.timeoutMs ?? NO_TIMEOUT_MS;
    try {
      return await run(session, { timeout, maxTotalTimeout: timeout, ...(options.signal ? { signal: options.signal } : {}) });
    } catch (err) {
      throw this.failure(name, what, err, session, options);
    }
  }

  private failure(name: string, what: string, err: unknown, session: Session | undefined, options: McpCallOptions): LlmError {
    const e = this.failureUnredacted(name, what, err, session, options);
    const clean = this.redact(e.message);
    return clean === e.message ? e : new LlmError(e.kind, clean, { cause: e.cause });
  }

  private failureUnredacted(name: string, what: string, err: unknown, session: Session | undefined, options: McpCallOptions): LlmError {
    if (err instanceof LlmError) return err;
    if (options.signal?.aborted) return new LlmError('cancelled', `The run was cancelled while ${what} on ${this.describe(name)}.`, { cause: err });
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: unknown }).code;
    // The SDK's McpError: -32001 is its request timeout, -32000 a closed connection.
    if (code === -32001) {
      return new LlmError('tool_unavailable', `${this.describe(name)} did not answer within ${Math.round((options.timeoutMs ?? 0) / 100) / 10} s while ${what} (timeout_sec of the tool config).`, { cause: err });
    }
    if (typeof code === 'number' && code < 0 && code !== -32000 && !/closed/i.test(message)) {
      // The server answered with a JSON-RPC error (unknown tool, invalid params): the call itself is wrong.
      return new LlmError('tool_error', `${this.describe(name)} refused ${what.replace(/^calling /, 'the call of ')}: ${message}`, { cause: err });
    }
    const tail = session ? stderrTail(session.stderr()) : '';
    return new LlmError('tool_unavailable', `${this.describe(name)} failed while ${what}: ${message}${httpStatus(err)}${tail ? ` (stderr: ${tail})` : ''}.`, { cause: err });
  }

  private session(name: string): Promise<Session> {
    if (this.closed) return Promise.reject(new LlmError('cancelled', `MCP connections are closed (${this.describe(name)}).`));
    let s = this.sessions.get(name);
    if (!s) {
      s = this.open(name);
      this.sessions.set(name, s);
      // A session that failed to open is not kept: the next cell tries again.
      s.catch(() => this.sessions.delete(name));
    }
    return s;
  }

  private async open(name: string): Promise<Session> {
    const p = this.providers.get(name);
    if (!p) throw new LlmError('tool_error', `MCP provider '${name}' is not declared in the workflow's mcp_providers.`);
    const [{ Client }, transports] = await Promise.all([import('@modelcontextprotocol/sdk/client/index.js'), loadTransports(p.provider_type)]);
    let stderr = '';
    let transport: import('@modelcontextprotocol/sdk/shared/transport.js').Transport;
    if (p.provider_type === 'stdio') {
      // The SDK closes the session on a message over 10 MiB (every row in flight on it then fails, and a
      // rerun repeats it); Python's MCP client, which Data Designer uses, has no such limit.
      const stdio = new transports.Stdio({ command: p.command, args: p.args, env: { ...transports.defaultEnvironment(), ...p.env }, cwd: p.cwd, stderr: 'pipe', maxBufferSize: MAX_STDIO_MESSAGE_BYTES });
      // Kept (the last 64 KB) for the message of a server that fails; never printed as it comes.
      (stdio.stderr as Readable | null)?.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-65536);
      });
      transport = stdio;
    } else {
      const headers: Record<string, string> = p.apiKey ? { Authorization: `Bearer ${p.apiKey}` } : {};
      const url = new URL(p.endpoint);
      transport = p.provider_type === 'streamable_http' ? new transports.StreamableHttp(url, { requestInit: { headers } }) : new transports.Sse(url, { requestInit: { headers } });
    }
    const client = new Client({ name: 'ddflow', version: this.clientVersion });
    const session: Session = { client, stderr: () => stderr };
    try {
      await client.connect(transport);
    } catch (err) {
      await client.close().catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      const tail = stderrTail(stderr);
      throw new LlmError('tool_unavailable', this.redact(`${this.describe(name)} could not be ${p.provider_type === 'stdio' ? 'started' : 'reached'}: ${message}${httpStatus(err)}${tail ? ` (stderr: ${tail})` : ''}.`), { cause: err });
    }
    return session;
  }

  /** Closes every session (stdio servers are stopped); later calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(open.map((s) => s.then((x) => x.client.close(), () => undefined).catch(() => undefined)));
  }
}

async function loadTransports(type: McpProviderSpec['provider_type']) {
  if (type === 'stdio') {
    const m = await import('@modelcontextprotocol/sdk/client/stdio.js');
    return { Stdio: m.StdioClientTransport, defaultEnvironment: m.getDefaultEnvironment, StreamableHttp: undefined as never, Sse: undefined as never };
  }
  if (type === 'streamable_http') {
    const m = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    return { Stdio: undefined as never, defaultEnvironment: undefined as never, StreamableHttp: m.StreamableHTTPClientTransport, Sse: undefined as never };
  }
  const m = await import('@modelcontextprotocol/sdk/client/sse.js');
  return { Stdio: undefined as never, defaultEnvironment: undefined as never, StreamableHttp: undefined as never, Sse: m.SSEClientTransport };
}

/** ` (HTTP 401)` for the SDK's HTTP transport errors, which carry the status as `code`. */
function httpStatus(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && code >= 400 && code < 600 ? ` (HTTP ${code})` : '';
}
