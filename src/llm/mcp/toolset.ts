/**
 * One tool config (`tool_alias`) of a stage, as Data Designer's MCPFacade (engine/mcp/facade.py): the
 * schemas offered to the model (every provider's tools, or only `allow_tools`; a name two providers share
 * is an error), the execution of one turn's tool calls in parallel, and the refusal sent instead once
 * `max_tool_call_turns` is used up.
 */
import { LlmError } from '../errors.js';
import type { McpConnections } from './connections.js';
import { openAIToolSchema, toolResultContent, type McpToolDefinition, type ToolContent } from './tool-results.js';

/** Data Designer's DEFAULT_TOOL_REFUSAL_MESSAGE. */
export const TOOL_REFUSAL_MESSAGE =
  'Tool call refused: You have reached the maximum number of tool-calling turns. Please provide your final response without requesting additional tool calls.';

/** The tool config as Data Designer writes it (config/mcp.py ToolConfig). */
export interface ToolConfigLike {
  tool_alias: string;
  providers: string[];
  allow_tools?: string[] | null;
  max_tool_call_turns?: number;
  timeout_sec?: number | null;
}

/** A tool call of a model answer: the id, the function's name and its arguments as the JSON text sent. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface ToolMessage {
  role: 'tool';
  content: ToolContent;
  tool_call_id: string;
}

export class ToolSet {
  private prepared?: Promise<{ schemas: Record<string, unknown>[]; providerOf: Map<string, string> }>;

  constructor(
    readonly config: ToolConfigLike,
    private readonly connections: McpConnections,
  ) {}

  get alias(): string {
    return this.config.tool_alias;
  }

  get maxTurns(): number {
    return this.config.max_tool_call_turns ?? 5;
  }

  private get timeoutMs(): number | null {
    return this.config.timeout_sec == null ? null : this.config.timeout_sec * 1000;
  }

  /** The schemas sent as `tools` (listed once per run; a failed listing is tried again by the next cell). */
  async schemas(signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    if (!this.prepared) {
      this.prepared = this.prepare(signal);
      this.prepared.catch(() => (this.prepared = undefined));
    }
    return (await this.prepared).schemas;
  }

  private async prepare(signal?: AbortSignal): Promise<{ schemas: Record<string, unknown>[]; providerOf: Map<string, string> }> {
    const lists = await Promise.all(this.config.providers.map(async (p) => [p, await this.connections.listTools(p, { timeoutMs: this.timeoutMs, signal })] as const));
    const providersOf = new Map<string, string[]>();
    const all: McpToolDefinition[] = [];
    for (const [provider, tools] of lists) {
      for (const t of tools) providersOf.set(t.name, [...(providersOf.get(t.name) ?? []), provider]);
      all.push(...tools);
    }
    const duplicates = [...providersOf].filter(([, ps]) => ps.length > 1).sort(([a], [b]) => (a < b ? -1 : 1));
    if (duplicates.length > 0) {
      throw new LlmError(
        'tool_error',
        `Duplicate tool names found across MCP providers: ${duplicates.map(([n, ps]) => `'${n}' (in: ${ps.join(', ')})`).join('; ')}. Each tool name must be unique across all providers in a ToolConfig.`,
      );
    }
    let offered = all;
    const allow = this.config.allow_tools;
    if (allow && allow.length > 0) {
      const missing = [...new Set(allow)].filter((n) => !providersOf.has(n)).sort();
      if (missing.length > 0) {
        throw new LlmError('tool_error', `Tool(s) ${missing.map((m) => `'${m}'`).join(', ')} of tool config '${this.alias}' not found on any of the MCP providers: ${this.config.providers.map((p) => `'${p}'`).join(', ')}.`);
      }
      offered = all.filter((t) => allow.includes(t.name));
    }
    return { schemas: offered.map(openAIToolSchema), providerOf: new Map([...providersOf].map(([n, ps]) => [n, ps[0]!])) };
  }

  /**
   * Runs one turn's tool calls in parallel and returns one tool message per call, in order. A tool the
   * config does not allow, one no provider has, or arguments that are not JSON fail the cell (Data
   * Designer's MCPToolError); a result the server marks as an error goes back to the model as it is.
   */
  async execute(calls: readonly ToolCall[], signal?: AbortSignal): Promise<ToolMessage[]> {
    await this.schemas(signal);
    const { providerOf } = await this.prepared!;
    const allow = this.config.allow_tools && this.config.allow_tools.length > 0 ? new Set(this.config.allow_tools) : null;
    const planned = calls.map((c) => {
      if (allow && !allow.has(c.name)) {
        throw new LlmError('tool_error', `Tool '${c.name}' is not permitted for providers: ${this.config.providers.map((p) => `'${p}'`).join(', ')}.`);
      }
      let args: unknown = {};
      try {
        args = c.arguments ? JSON.parse(c.arguments) : {};
      } catch {
        throw new LlmError('tool_error', `Invalid tool arguments for '${c.name}': ${c.arguments.length > 200 ? `${c.arguments.slice(0, 200)}…` : c.arguments}`);
      }
      const provider = providerOf.get(c.name);
      if (!provider) throw new LlmError('tool_error', `Tool '${c.name}' not found on any configured provider.`);
      return { call: c, provider, args: args && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {} };
    });
    const results = await Promise.all(planned.map((p) => this.connections.callTool(p.provider, p.call.name, p.args, { timeoutMs: this.timeoutMs, signal })));
    return results.map((r, i) => ({ role: 'tool', content: this.redacted(toolResultContent(r)), tool_call_id: planned[i]!.call.id }));
  }

  /** A result without the providers' secrets (the text of its text blocks). */
  private redacted(content: ToolContent): ToolContent {
    if (typeof content === 'string') return this.connections.redact(content);
    return content.map((b) => (b.type === 'text' ? { ...b, text: this.connections.redact(b.text) } : b));
  }

  /** The refusal for each call of a turn past the limit (nothing is executed). */
  refuse(calls: readonly ToolCall[]): ToolMessage[] {
    return calls.map((c) => ({ role: 'tool', content: TOOL_REFUSAL_MESSAGE, tool_call_id: c.id }));
  }
}
