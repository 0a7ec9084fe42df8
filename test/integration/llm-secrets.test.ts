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

const B64 = Buffer.from(SECRET).toString('base64');
const HEX = Buffer.from(SECRET).toString('hex');
/** Every 12-character piece of the key: a fragment that long is a leak too (the runner masks only the whole key). */
const FRAGMENTS = Array.from({ length: SECRET.length - 11 }, (_, i) => SECRET.slice(i, i + 12));

/** The key in any form a leak could take: as is, base64 (Basic auth, base64 blobs), hex, or a 12-character fragment. */
function leaks(bytes: Buffer | string): boolean {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  return [SECRET, B64, HEX, ...FRAGMENTS].some((form) => b.includes(form));
}

/** Which form of the key `text` holds (for a readable failure), or null. */
function leaked(text: string): string | null {
  return [SECRET, B64, HEX, ...FRAGMENTS].find((form) => text.includes(form)) ?? null;
}

/**
 * A provider error text that repeats the credential in several encodings and then once more so that
 * the key straddles the 200th character (where ddflow cuts server text): 15 of its characters before
 * the cut, the rest after.
 */
function echoingErrorMessage(authorization: string): string {
  const head = `Bad credentials (b64 ${B64}, hex ${HEX}, part ${SECRET.slice(2, 16)}); you sent: `;
  const key = authorization.replace(/^Bearer /, '');
  return `${head}${'.'.repeat(200 - 15 - head.length)}${key} and more text after it`;
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
    // A refused key loses the rows for now (a rerun with the right key generates them), not for good.
    expect(r.stderr).toMatch(new RegExp(`Stage 'gen' failed: Authentication failed for provider 'local' \\(check the variable ${KEY_VAR}\\); 4 of 4 rows could not be generated .* a rerun once that is fixed generates the rest`));
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    for (const f of await filesUnder(path.join(work, 'artifacts'))) expect(leaks(await fs.readFile(f)), f).toBe(false);

    // 3. The key fixed, a plain rerun generates every row: none was recorded as dropped for good.
    const fixed = await runCli(['run', file], work, { DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout + fixed.stderr).toMatch(/gen\s.*completed.*\b4\b/);
    expect(fixed.stdout + fixed.stderr).not.toMatch(/of 4 requested/);
  }, 60_000);

  it('an error text that echoes the key across the 200-character cut, or base64/hex encoded, leaves no fragment of it (400, 401, 500)', async () => {
    expect(echoingErrorMessage(`Bearer ${SECRET}`).indexOf(SECRET)).toBe(185);
    const work = await tempDir('ddflow-secrets-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 4, name: 'secretsecho' }));
    const errorMessage = (authorization: string) => echoingErrorMessage(authorization);
    try {
      // 1. The health check meets a 400 whose text is quoted in its message.
      server.resetStats();
      server.setFaults({ schedule: Array.from({ length: 50 }, () => '400' as const), errorMessage });
      const checked = await runCli(['run', file, '--debug'], work);
      expect(checked.code).toBe(1);
      expect(server.stats.faults['400']).toBeGreaterThan(0);
      expect(leaked(checked.stdout + checked.stderr)).toBeNull();
      // The server text is there (redacted), so the test would see a fragment if one were left.
      expect(checked.stderr).toContain('Bad credentials (b64 [REDACTED], hex [REDACTED], part [REDACTED]); you sent: ...');
      for (const f of await filesUnder(path.join(work, 'artifacts'))) expect(leaked((await fs.readFile(f)).toString('latin1')), f).toBeNull();

      // 2. With the checks off, the stage's own calls meet each status.
      for (const fault of ['400', '401', '500'] as const) {
        const dir = await tempDir('ddflow-secrets-');
        const wf = await writeWorkflow(dir, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 4, name: 'secretsecho' }));
        server.resetStats();
        server.setFaults({ schedule: Array.from({ length: 60 }, () => fault), errorMessage });
        const r = await runCli(['run', wf, '--debug'], dir, { DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' });
        expect(server.stats.faults[fault], fault).toBeGreaterThan(0);
        expect(leaked(r.stdout + r.stderr), `${fault}: ${r.stderr}`).toBeNull();
        if (fault === '400') expect(r.stderr).toContain('you sent: ...');
        const files = await filesUnder(path.join(dir, 'artifacts'));
        expect(files.some((f) => f.endsWith('workflow-metadata.json'))).toBe(true);
        for (const f of files) expect(leaked((await fs.readFile(f)).toString('latin1')), `${fault}: ${f}`).toBeNull();
      }
    } finally {
      server.setFaults({});
    }
  }, 120_000);

  it('a model answer that repeats the key is stored with the key replaced, and a warning says so', async () => {
    const answerServer = await startFakeOpenAI({
      seed: 9,
      respond: (body) => {
        const prompt = JSON.stringify(body.messages);
        if (!prompt.includes('A line about')) return undefined;
        return `Your key is ${SECRET}; in base64 ${B64}; in hex ${HEX}; a piece: ${SECRET.slice(4, 17)}.`;
      },
    });
    try {
      const work = await tempDir('ddflow-secrets-');
      const file = await writeWorkflow(work, workflowYaml({ url: answerServer.url, columns: COLUMNS, numRecords: 4, name: 'secretsanswer' }));
      const out = path.join(work, 'out.jsonl');
      const r = await runCli(['run', file, '--export', out, '--debug'], work);
      expect(r.code, r.stderr).toBe(0);
      const files = [...(await filesUnder(path.join(work, 'artifacts'))), out];
      for (const f of files) expect(leaked((await fs.readFile(f)).toString('latin1')), f).toBeNull();
      expect(r.stderr).toContain(`Column 'line': A model answer of alias 'chat' contained the API key of provider 'local' (variable ${KEY_VAR}), or a part of it; it was replaced by [REDACTED] before being stored.`);
      expect(leaked(r.stdout + r.stderr)).toBeNull();
      // The answer itself is kept, without the key.
      const exported = await fs.readFile(out, 'utf8');
      expect(exported).toContain('Your key is [REDACTED]; in base64 [REDACTED]; in hex [REDACTED]; a piece: [REDACTED].');
      // The next column's prompt was built from the redacted answer: the key never went back out either.
      expect(answerServer.requests.some((q) => q.rawBody.includes('Metadata for Your key is [REDACTED]'))).toBe(true);
      expect(files.some((f) => f.includes(`${path.sep}call-cache${path.sep}`))).toBe(true);
      expect(files.some((f) => f.endsWith('.parquet'))).toBe(true);
      expect(files.some((f) => f.endsWith('workflow-metadata.json'))).toBe(true);
    } finally {
      await answerServer.close();
    }
  }, 60_000);
});
