import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotate, toAnnotation, workspaceRelative } from '../../src/action/annotations.js';
import { maskEnvValues } from '../../src/action/masking.js';
import { secretEnvNames } from '../../src/workflow/secrets.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { captureStdout } from './env.js';

const ws = path.resolve('/home/runner/work/repo/repo');

function printed(fn: () => unknown): { value: unknown; lines: string[] } {
  const out = captureStdout();
  try {
    const value = fn();
    return { value, lines: out.lines().filter(Boolean) };
  } finally {
    out.stop();
  }
}

describe('annotations', () => {
  const diagnostics: Diagnostic[] = [
    { severity: 'warning', message: "The prompt template for 'b' does not reference any columns.", code: 'prompt_without_references', location: { file: path.join(ws, 'flows/qa.yaml'), line: 12, col: 7 } },
    { severity: 'error', message: "The prompt template for 'b' references a column that does not exist: 'zzz'.", code: 'invalid_reference', location: { file: path.join(ws, 'flows/qa.yaml'), line: 9, col: 15 } },
    { severity: 'error', message: 'The workflow has no stages.' },
  ];

  it('emits errors first, at the workspace-relative file, line and column', () => {
    const { value, lines } = printed(() => annotate(diagnostics, ws));
    expect(value).toBe(2);
    expect(lines).toEqual([
      "::error title=ddflow%3A invalid_reference,file=flows/qa.yaml,line=9,col=15::The prompt template for 'b' references a column that does not exist: 'zzz'.",
      '::error title=ddflow::The workflow has no stages.',
      "::warning title=ddflow%3A prompt_without_references,file=flows/qa.yaml,line=12,col=7::The prompt template for 'b' does not reference any columns.",
    ]);
  });

  it('keeps the location in the message for a file outside the workspace', () => {
    const a = toAnnotation({ severity: 'error', message: 'Bad.', location: { file: '/etc/other.yaml', line: 1, col: 2 } }, ws);
    expect(a).toEqual({ severity: 'error', message: '/etc/other.yaml:1:2: Bad.', properties: { title: 'ddflow' } });
  });

  it('relativises only paths below the workspace', () => {
    expect(workspaceRelative(path.join(ws, 'a/b.yaml'), ws)).toBe('a/b.yaml');
    expect(workspaceRelative(path.join(ws, '../repo2/x.yaml'), ws)).toBeUndefined();
    expect(workspaceRelative(ws, ws)).toBeUndefined();
  });
});

describe('masking', () => {
  it('masks the values of the providers\' key variables, never printing names as values', () => {
    const env = { NVIDIA_API_KEY: 'nvapi-secret-value', OPENAI_API_KEY: 'sk-abc123456', SHORT: 'ab', MULTI: 'line-one\nline-two' };
    const { value, lines } = printed(() => [
      maskEnvValues(secretEnvNames({ modelProviders: [{ name: 'a', endpoint: 'http://x', api_key: 'NVIDIA_API_KEY' }, { name: 'b', endpoint: 'http://x', api_key: null }, { name: 'c', endpoint: 'http://x', api_key: 'UNSET_KEY' }], mcpProviders: [] }).filter((n) => n !== 'OPENAI_API_KEY'), env),
      maskEnvValues(['OPENAI_API_KEY', 'SHORT', 'MULTI'], env),
    ]);
    expect(value).toEqual([['NVIDIA_API_KEY'], ['OPENAI_API_KEY', 'MULTI']]);
    expect(lines).toEqual([
      '::add-mask::nvapi-secret-value',
      '::add-mask::sk-abc123456',
      '::add-mask::line-one%0Aline-two',
      '::add-mask::line-one',
      '::add-mask::line-two',
    ]);
  });

  it("lists each secret variable once: model providers' keys (built-ins too), tool servers' api_key and pass_env", () => {
    const names = secretEnvNames({
      modelProviders: [{ name: 'a', endpoint: 'http://x', api_key: 'A' }, { name: 'b', endpoint: 'http://x', api_key: 'B' }, { name: 'c', endpoint: 'http://x', api_key: 'A' }],
      mcpProviders: [
        { provider_type: 'stdio', name: 't', command: 'node', pass_env: ['TOKEN', 'A'] },
        { provider_type: 'sse', name: 'd', endpoint: 'http://y', api_key: 'DOCS_KEY' },
      ],
    } as never);
    expect(names).toEqual(expect.arrayContaining(['A', 'B', 'TOKEN', 'DOCS_KEY', 'NVIDIA_API_KEY', 'OPENAI_API_KEY']));
    expect(new Set(names).size).toBe(names.length);
  });
});
