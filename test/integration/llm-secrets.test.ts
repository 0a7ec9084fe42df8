/**
 * API key values never leave the process: `ddflow run` in a child process with a distinctive key, then
 * stdout, stderr and every byte under the artifact directory (metadata, parquet, call store) and the
 * export are searched for it. A provider that answers 401 and echoes the credential back (as some do)
 * must not get it into a message either, even with --debug.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function runCli(args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, CI: 'true', [KEY_VAR]: SECRET, DDFLOW_RETRY_BASE_DELAY_MS: '5', DDFLOW_RETRY_MAX_DELAY_MS: '20', ...extraEnv };
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

/** The key in any form a leak could take: as is, base64 (Basic auth, base64 blobs), or hex. */
function leaks(bytes: Buffer): boolean {
  return [SECRET, Buffer.from(SECRET).toString('base64'), Buffer.from(SECRET).toString('hex')].some((form) => bytes.includes(form));
}

const COLUMNS = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [tea, coffee]}
        - name: line
          column_type: llm-text
          model_alias: chat
          prompt: "A line about {{ topic }}."
          with_trace: all_messages
        - name: meta
          column_type: llm-structured
          model_alias: chat
          prompt: "Metadata for {{ line }}"
          output_format: {type: object, properties: {tag: {type: string}}, required: [tag]}
        - name: vec
          column_type: embedding
          model_alias: emb
          target_column: line
`;

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 9 });
});
afterAll(async () => {
  await server.close();
});

describe('secrets', () => {
  it('the key value appears in no output, artifact, call store or export', async () => {
    const work = await tempDir('ddflow-secrets-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 6, bufferSize: 3, name: 'secrets' }));
    const out = path.join(work, 'out.jsonl');
    const r = await runCli(['run', file, '--export', out, '--debug'], work);
    expect(r.code, r.stderr).toBe(0);
    // The key did reach the server (so the test would notice if it were sent and logged).
    expect(server.requests.some((q) => q.headers.authorization === `Bearer ${SECRET}`)).toBe(true);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    const files = [...(await filesUnder(path.join(work, 'artifacts'))), out];
    expect(files.some((f) => f.includes(`${path.sep}call-cache${path.sep}`))).toBe(true);
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true);
    for (const f of files) expect(leaks(await fs.readFile(f)), f).toBe(false);
  }, 60_000);

  it('a 401 that echoes the credential back does not leak it (health check, then a stage with checks off)', async () => {
    const work = await tempDir('ddflow-secrets-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 4, name: 'secrets401' }));
    // 1. The health check meets the 401 first and stops the run before anything is generated.
    server.resetStats();
    server.setFaults({ schedule: Array.from({ length: 50 }, () => '401' as const) });
    const checked = await runCli(['run', file, '--debug'], work);
    server.setFaults({});
    expect(checked.code).toBe(1);
    expect(server.stats.faults['401']).toBeGreaterThan(0);
    expect(checked.stderr).toMatch(new RegExp(`Model health check failed for alias 'chat' \\(model 'fake/chat-1' at ${server.url.replace(/[.]/g, '\\.')}\\): authentication failed \\(401; check the variable ${KEY_VAR}\\)`));
    expect(checked.stdout + checked.stderr).not.toContain(SECRET);

    // 2. With the checks off, the stage's own calls meet it.
    server.resetStats();
    server.setFaults({ schedule: Array.from({ length: 50 }, () => '401' as const) });
    const r = await runCli(['run', file, '--debug'], work, { DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' });
    server.setFaults({});
    expect(r.code).toBe(1);
    // The server really echoed it.
    expect(server.stats.faults['401']).toBeGreaterThan(0);
    expect(r.stderr).toMatch(new RegExp(`Stage 'gen' failed: .*First failure: Authentication failed for provider 'local' \\(check the variable ${KEY_VAR}\\)`));
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    for (const f of await filesUnder(path.join(work, 'artifacts'))) expect(leaks(await fs.readFile(f)), f).toBe(false);
  }, 60_000);
});
