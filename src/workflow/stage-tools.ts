/**
 * The MCP tools of a stage: which of the workflow's `mcp_providers` its columns can reach (through the
 * tool configs their `tool_alias` names), what of them enters the stage's fingerprint, and the providers
 * made ready to connect to (keys read from the environment, stdio servers started in the workflow
 * directory).
 *
 * A tool server is code ddflow cannot see into, like a bound function: a provider's `version` stands for
 * its tools' behaviour in the fingerprint, and a stage reaching a provider without one is never reused —
 * its model answers still come from the call store whenever the tools answer as before.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DataDesignerConfig, McpProvider, ToolConfig } from '../config/schema.js';
import { isEnvVariableName } from '../llm/providers.js';
import type { McpProviderSpec } from '../llm/mcp/connections.js';
import { DdflowError } from '../diagnostics.js';

/** The tool configs a stage's columns use (by tool_alias), in the order the config declares them. */
export function usedToolConfigs(config: DataDesignerConfig): ToolConfig[] {
  const used = new Set(config.columns.flatMap((c) => ((c as { tool_alias?: string | null }).tool_alias ? [(c as { tool_alias: string }).tool_alias] : [])));
  return (config.tool_configs ?? []).filter((t) => used.has(t.tool_alias));
}

/** The workflow's MCP providers the stage's used tool configs name, by name. */
export function stageToolProviders(config: DataDesignerConfig, providers: readonly McpProvider[]): Map<string, McpProvider> {
  const byName = new Map(providers.map((p) => [p.name, p]));
  const out = new Map<string, McpProvider>();
  for (const t of usedToolConfigs(config)) {
    for (const name of t.providers) {
      const p = byName.get(name);
      if (p) out.set(name, p);
    }
  }
  return out;
}

/** Why a stage's output is never reused because of its tools, or undefined. */
export function unversionedToolReason(providers: ReadonlyMap<string, McpProvider> | undefined): string | undefined {
  for (const [name, p] of providers ?? []) {
    if (p.version === undefined) return `MCP provider '${name}' has no version, so the stage's output is never reused (its tools' answers can change)`;
  }
  return undefined;
}

/**
 * What of the stage's providers is data: where the tools come from (transport, endpoint or command, args,
 * env) and the version that stands for their behaviour — a fresh nonce without one. The api_key and the
 * values of `pass_env` (secrets) are not; `env` values are hashed, never written out.
 */
export function toolProvidersPayload(providers: ReadonlyMap<string, McpProvider> | undefined): { mcp_providers?: Record<string, unknown> } {
  if (!providers || providers.size === 0) return {};
  const entries = [...providers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, p]) => {
    const version = p.version ?? `unversioned-${randomBytes(16).toString('hex')}`;
    if (p.provider_type === 'stdio') {
      const env = createHash('sha256').update(JSON.stringify(Object.entries(p.env ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))).digest('hex');
      return [name, { provider_type: 'stdio', command: p.command, args: p.args ?? [], env_sha256: env, pass_env: [...(p.pass_env ?? [])].sort(), version }];
    }
    return [name, { provider_type: p.provider_type ?? 'sse', endpoint: p.endpoint, version }];
  });
  return { mcp_providers: Object.fromEntries(entries) };
}

/**
 * The stage's providers ready to connect to. Throws one sentence naming every missing key variable
 * (api_key of a remote provider, a `pass_env` variable of a stdio one).
 */
export function providerSpecs(providers: ReadonlyMap<string, McpProvider>, workflowDir: string, env: NodeJS.ProcessEnv): Map<string, McpProviderSpec> {
  const out = new Map<string, McpProviderSpec>();
  const problems: string[] = [];
  for (const [name, p] of providers) {
    try {
      if (p.provider_type === 'stdio') {
        const passed: Record<string, string> = {};
        for (const v of p.pass_env ?? []) {
          const value = env[v];
          if (value === undefined) throw new DdflowError(`MCP provider '${name}' passes the environment variable ${v} to its server, but it is not set.`);
          passed[v] = value;
        }
        out.set(name, { name, provider_type: 'stdio', command: p.command, args: p.args ?? [], env: { ...(p.env ?? {}), ...passed }, cwd: workflowDir, secrets: Object.values(passed) });
      } else {
        const apiKey = mcpApiKey(name, p.api_key, env);
        out.set(name, { name, provider_type: p.provider_type ?? 'sse', endpoint: p.endpoint, apiKey, secrets: apiKey ? [apiKey] : [] });
      }
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      problems.push(err.message);
    }
  }
  if (problems.length) throw new DdflowError(problems.join(' '));
  return out;
}

/** A remote provider's key from the variable its api_key names (null without api_key). */
function mcpApiKey(provider: string, variable: string | null | undefined, env: NodeJS.ProcessEnv): string | null {
  if (!variable) return null;
  if (!isEnvVariableName(variable)) throw new DdflowError(`The api_key of MCP provider '${provider}' must be the name of an environment variable holding the key (use a secret), not the key itself.`);
  const value = env[variable];
  if (value === undefined || value.trim() === '') throw new DdflowError(`MCP provider '${provider}' needs an API key: the environment variable ${variable} is not set or is empty.`);
  return value;
}
