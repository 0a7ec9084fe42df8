/**
 * MCP tool use (Data Designer's config/mcp.py): the workflow's `mcp_providers`, a stage's `tool_configs`
 * and the `tool_alias` of its LLM columns. Data Designer finds a wrong name only when the first row asks
 * for it (MCPConfigurationError "Tool alias ... is not registered"); ddflow says so before anything runs.
 */
import { didYouMean } from '../../shared/did-you-mean.js';
import type { Reporter } from '../report.js';
import type { McpProvider, ToolConfig } from '../schema.js';
import { looksLikeLiteralKey } from './models.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Unique names, and an `api_key` that names a variable rather than holding the key. */
export function checkMcpProviders(providers: readonly McpProvider[], report: Reporter, usable: (i: number) => boolean): void {
  const seen = new Set<string>();
  providers.forEach((p, i) => {
    if (!usable(i) || !isObj(p)) return;
    if (seen.has(p.name)) report.error([i, 'name'], `duplicate MCP provider name '${p.name}' (tool configs refer to providers by name)`, 'duplicate_provider');
    seen.add(p.name);
    const key = (p as { api_key?: unknown }).api_key;
    if (typeof key === 'string' && looksLikeLiteralKey(key)) {
      report.error(
        [i, 'api_key'],
        `api_key of MCP provider '${p.name}' looks like a literal key: store the key in a secret and set api_key to the NAME of the environment variable that holds it`,
        'literal_api_key',
      );
    }
  });
}

/**
 * A stage's tool configs: unique aliases, providers the workflow declares. `mcpProviders` undefined: the
 * workflow's providers could not be read, so provider names are not checked. Returns the aliases declared.
 */
export function checkToolConfigs(toolConfigs: readonly ToolConfig[], mcpProviders: ReadonlySet<string> | undefined, report: Reporter, usable: (i: number) => boolean): Set<string> {
  const aliases = new Set<string>();
  toolConfigs.forEach((t, i) => {
    if (!isObj(t) || typeof t.tool_alias !== 'string') return;
    if (aliases.has(t.tool_alias)) report.error([i, 'tool_alias'], `duplicate tool alias '${t.tool_alias}' in tool_configs`, 'duplicate_tool_alias');
    aliases.add(t.tool_alias);
    if (!usable(i) || !mcpProviders) return;
    t.providers.forEach((name, j) => {
      if (mcpProviders.has(name)) return;
      const known = [...mcpProviders];
      report.error(
        [i, 'providers', j],
        `tool config '${t.tool_alias}' names MCP provider '${name}', which the workflow does not declare${didYouMean(name, known)}: ${known.length ? `its mcp_providers are ${known.map((n) => `'${n}'`).join(', ')}` : 'add it under mcp_providers: at the top of the workflow file'}`,
        'unknown_mcp_provider',
      );
    });
  });
  return aliases;
}

/** A column's `tool_alias` names one of its stage's tool configs. `aliases` undefined: not known (skip). */
export function checkToolAlias(column: string, alias: string | null | undefined, aliases: ReadonlySet<string> | undefined, report: Reporter): void {
  if (alias === null || alias === undefined || !aliases || aliases.has(alias)) return;
  report.error(
    ['tool_alias'],
    `Tool alias '${alias}' of column '${column}' is not registered${didYouMean(alias, aliases)}: ${aliases.size ? `the stage's tool_configs declare ${[...aliases].map((a) => `'${a}'`).join(', ')}` : 'add a tool config with this tool_alias to the stage config\'s tool_configs'}`,
    'unknown_tool_alias',
  );
}
