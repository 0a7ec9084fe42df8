/**
 * The secret values of a run: the keys its model providers read (built-ins included) and its MCP tool
 * servers' `api_key` and `pass_env` variables. Text that bound code prints (a command's stderr) is
 * redacted with them before it reaches a log.
 */
import { BUILTIN_PROVIDERS } from '../llm/providers.js';
import type { LoadedWorkflow } from './model.js';

/** The names of the environment variables that hold the workflow's secrets, deduplicated, in order. */
export function secretEnvNames(workflow: Pick<LoadedWorkflow, 'modelProviders' | 'mcpProviders'>): string[] {
  const names = new Set<string>();
  for (const p of [...BUILTIN_PROVIDERS, ...workflow.modelProviders]) if (p.api_key) names.add(p.api_key);
  for (const p of workflow.mcpProviders) {
    if ('api_key' in p && p.api_key) names.add(p.api_key);
    for (const n of ('pass_env' in p ? p.pass_env : undefined) ?? []) names.add(n);
  }
  return [...names];
}

/** Their values, where set. */
export function secretValues(workflow: Pick<LoadedWorkflow, 'modelProviders' | 'mcpProviders'>, env: NodeJS.ProcessEnv = process.env): string[] {
  return secretEnvNames(workflow).flatMap((n) => (env[n] ? [env[n]!] : []));
}
