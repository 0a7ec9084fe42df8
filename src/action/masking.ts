/**
 * API keys never reach a log: the values of the environment variables that providers name as
 * `api_key` are registered with the runner's masker before anything can print them.
 */
import * as core from '@actions/core';
import type { ModelProvider } from '../config/schema.js';

/**
 * Values shorter than this are not masked: masking "1" or "abc" would blank every occurrence of that
 * text in the log, and no real API key is that short.
 */
export const MIN_MASKED_LENGTH = 4;

/** The environment variable names the providers read their keys from (deduplicated, in order). */
export function apiKeyEnvNames(providers: Iterable<Pick<ModelProvider, 'api_key'>>): string[] {
  const names = new Set<string>();
  for (const p of providers) if (p.api_key) names.add(p.api_key);
  return [...names];
}

/**
 * Masks the value of each named variable that is set. Multi-line values are masked line by line, as
 * the runner matches masks per line. Returns the names whose values were masked (never the values).
 */
export function maskEnvValues(names: Iterable<string>, env: NodeJS.ProcessEnv = process.env): string[] {
  const masked: string[] = [];
  for (const name of names) {
    const value = env[name];
    if (!value) continue;
    const parts = [value, ...value.split(/\r?\n/)].map((v) => v.trim()).filter((v) => v.length >= MIN_MASKED_LENGTH);
    for (const part of new Set(parts)) core.setSecret(part);
    if (parts.length > 0) masked.push(name);
  }
  return masked;
}

/** Masks the keys of every provider given (main.ts passes the providers the workflow's models use, built-ins included). */
export function maskProviderKeys(providers: Iterable<Pick<ModelProvider, 'api_key'>>, env: NodeJS.ProcessEnv = process.env): string[] {
  return maskEnvValues(apiKeyEnvNames(providers), env);
}

/** The variables an MCP tool server reads secrets from: its `api_key` and the ones it passes on (`pass_env`). */
export function mcpSecretEnvNames(providers: Iterable<{ api_key?: string | null; pass_env?: readonly string[] }>): string[] {
  const names = new Set<string>();
  for (const p of providers) {
    if (p.api_key) names.add(p.api_key);
    for (const n of p.pass_env ?? []) names.add(n);
  }
  return [...names];
}
