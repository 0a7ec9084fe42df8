/**
 * API keys never reach a log: the values of the environment variables that hold the run's secrets
 * (workflow/secrets.ts) are registered with the runner's masker before anything can print them.
 */
import * as core from '@actions/core';

/**
 * Values shorter than this are not masked: masking "1" or "abc" would blank every occurrence of that
 * text in the log, and no real API key is that short.
 */
export const MIN_MASKED_LENGTH = 4;

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
