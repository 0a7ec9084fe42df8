/**
 * MCP tool use in a workflow run: examples/mcp (a stdio server written with the official SDK) against the
 * fake OpenAI server issuing tool calls; a streamable HTTP provider with a key; the fingerprint and reuse
 * rules for tool servers (a provider's version stands for its tools; without one the stage is never
 * reused, its model answers still replayed from the call store); secrets kept out of the tool servers'
 * environment and of every artifact; a server that cannot start stops the run with one sentence before
 * any row is generated.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { buildPlan } from '../../src/workflow/plan.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { generationRequests, startFakeOpenAI, toolAgent, type FakeOpenAI } from '../support/fake-openai.js';
import { startMcpHttp, type McpHttpServer } from '../support/mcp-http.js';
// @ts-expect-error: plain JavaScript shared with the stdio server
import { priceOf } from '../support/mcp-catalog.mjs';
import { loadMetadata, readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STDIO_SERVER = path.join(ROOT, 'test/support/mcp-stdio-server.mjs');
const PRICES: Record<string, number> = { tent: 249, stove: 89, kayak: 1199, headlamp: 39 };

let server: FakeOpenAI;
let http: McpHttpServer | undefined;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 12, ...toolAgent({ pick: (names) => names, args: (_tool, prompt) => ({ product: /the (\w+)/.exec(prompt)?.[1] ?? 'x' }) }) });
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await http?.close();
  http = undefined;
});

/** examples/mcp copied into a temp dir, its model pointed at the fake server and its server at the repository's copy. */
async function mcpExample(edit: (text: string) => string = (t) => t): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('ddflow-mcp-');
  const file = path.join(dir, 'workflow.yml');
  const text = (await fs.readFile(path.join(ROOT, 'examples/mcp/workflow.yml'), 'utf8'))
    .replace('seed: 11', `seed: 11\nartifact_path: ${path.join(dir, 'artifacts')}`)
    .replace('model_configs:', `model_providers:\n  - {name: openai, endpoint: ${server.url}, api_key: ${KEY_VAR}}\nmodel_configs:`)
    .replace('command: node', `command: ${process.execPath}`)
    .replace('args: [catalog-server.mjs]', `args: [${path.join(ROOT, 'examples/mcp/catalog-server.mjs')}]`);
  await fs.writeFile(file, edit(text));
  return { dir, file };
}

const run = async (file: string, env: NodeJS.ProcessEnv = {}) => {
  const log = memoryLogger();
  const report = await runWorkflow(await loadWorkflow(file), { log, env: { [KEY_VAR]: SECRET, ...env } });
  return { report, log };
};

describe('examples/mcp', () => {
  it('answers with the catalogue tools over stdio: tool calls and results in the trace, tool usage in the metadata', async () => {
    const { dir, file } = await mcpExample();
    server.resetStats();
    const { report } = await run(file);
    expect(report.status).toBe('completed');
    const rows = (await readParquet(path.join(dir, 'artifacts/mcp-support/stage-0-answers/parquet-files'))) as any[];
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      const stock = row.product === 'stove' ? 'out of stock' : `${{ tent: 12, kayak: 3, headlamp: 57 }[row.product as 'tent']} in stock`;
      expect(row.answer).toBe(`Answer from tools: ${row.product}: $${PRICES[row.product]} | ${row.product}: ${stock}`);
      const trace = typeof row.answer__trace === 'string' ? JSON.parse(row.answer__trace) : row.answer__trace;
      expect(trace.map((m: any) => m.role)).toEqual(['system', 'user', 'assistant', 'tool', 'tool', 'assistant']);
      expect(trace[2].tool_calls.map((c: any) => c.function.name)).toEqual(['lookup_price', 'stock_level']);
      expect(trace[3].tool_call_id).toBe(trace[2].tool_calls[0].id);
    }
    // Two model calls per row: the one asking for tools, and the answer.
    expect(generationRequests(server)).toHaveLength(12);
    const meta = await loadMetadata(path.join(dir, 'artifacts'), 'mcp-support');
    const usage = meta.stages[0].model_usage.columns.answer;
    expect(usage).toMatchObject({ calls: 12, tool_calls: 12, tool_call_turns: 6 });
  });

  it('a versioned provider lets the stage be reused; a new version regenerates it; no version: never reused, the store answers the model', async () => {
    const { dir, file } = await mcpExample();
    await run(file);
    const again = await loadWorkflow(file);
    let plan = await buildPlan(again, { log: memoryLogger() });
    expect(plan.stages[0]!.decision).toBe('cached');

    // Bumping the version: the tools may answer differently, so the stage runs again.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('version: "1"', 'version: "2"'));
    plan = await buildPlan(await loadWorkflow(file), { log: memoryLogger() });
    expect(plan.stages[0]!.decision).toBe('run');

    // Without a version the stage is never reused: plan says why; a run calls the tools again, and the
    // model's answers (whose tool results did not change) come from the call store.
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/\n\s+version: "2".*\n/, '\n'));
    await run(file);
    plan = await buildPlan(await loadWorkflow(file), { log: memoryLogger() });
    expect(plan.stages[0]!.decision).toBe('run');
    expect(plan.stages[0]!.reason).toMatch(/MCP provider 'catalog' has no version, so the stage's output is never reused/);
    server.resetStats();
    const before = generationRequests(server).length;
    const { report } = await run(file);
    expect(report.status).toBe('completed');
    expect(generationRequests(server).length - before).toBe(0);
    const meta = await loadMetadata(path.join(dir, 'artifacts'), 'mcp-support');
    expect(meta.stages[0].model_usage.columns.answer).toMatchObject({ calls: 12, cached_calls: 12, tool_calls: 12 });
  });
});

describe('providers, keys and failures', () => {
  it('a streamable HTTP provider gets its key from the variable api_key names; the key is in no artifact', async () => {
    http = await startMcpHttp({ transport: 'streamable_http', apiKey: 'mcp-secret-token-987654' });
    const { dir, file } = await mcpExample((t) =>
      t
        .replace(/mcp_providers:\n(  .*\n|    .*\n)+/, `mcp_providers:\n  - {provider_type: streamable_http, name: catalog, endpoint: "${http!.url}", api_key: DDFLOW_TEST_MCP_KEY, version: "1"}\n`)
        .replace('allow_tools: [lookup_price, stock_level]', 'allow_tools: [lookup_price]'),
    );
    const { report, log } = await run(file, { DDFLOW_TEST_MCP_KEY: 'mcp-secret-token-987654' });
    expect(report.status).toBe('completed');
    expect(http.calls).toHaveLength(6);
    expect(http.calls.every((c) => c.tool === 'lookup_price')).toBe(true);
    const rows = (await readParquet(path.join(dir, 'artifacts/mcp-support/stage-0-answers/parquet-files'))) as any[];
    for (const row of rows) expect(row.answer).toBe(`Answer from tools: The price of ${row.product} is $${priceOf(row.product)}.`);
    // The key reached the server as a bearer token, and nothing else.
    expect(http.authorizations.every((a) => a === 'Bearer mcp-secret-token-987654')).toBe(true);
    const files = await listFiles(path.join(dir, 'artifacts'));
    for (const f of files) expect(await fs.readFile(f, 'utf8').catch(() => ''), f).not.toContain('mcp-secret-token-987654');
    expect(JSON.stringify(log.lines)).not.toContain('mcp-secret-token-987654');
  });

  it('a missing key variable stops the run with one sentence before anything is generated', async () => {
    http = await startMcpHttp({ transport: 'sse' });
    const { file } = await mcpExample((t) => t.replace(/mcp_providers:\n(  .*\n|    .*\n)+/, `mcp_providers:\n  - {name: catalog, endpoint: "${http!.url}", api_key: DDFLOW_TEST_MCP_MISSING}\n`));
    server.resetStats();
    const before = generationRequests(server).length;
    const err = await run(file).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/MCP provider 'catalog' needs an API key: the environment variable DDFLOW_TEST_MCP_MISSING is not set or is empty\./);
    expect(generationRequests(server).length).toBe(before);
  });

  it('a stdio server gets a minimal environment (no ddflow key) plus pass_env; one that cannot start is one sentence with its stderr', async () => {
    const dir = await tempDir('ddflow-mcp-env-');
    const callLog = path.join(dir, 'calls.jsonl');
    const { file } = await mcpExample((t) =>
      t.replace(
        /mcp_providers:\n(  .*\n|    .*\n)+/,
        `mcp_providers:\n  - provider_type: stdio\n    name: catalog\n    command: ${process.execPath}\n    args: [${STDIO_SERVER}]\n    env: {MCP_CALL_LOG: ${callLog}}\n    pass_env: [DDFLOW_TEST_MCP_SECRET]\n    version: "1"\n`,
      ).replace('allow_tools: [lookup_price, stock_level]', 'allow_tools: [lookup_price]'),
    );
    // The key is in the process's own environment too, as in a real run: the server must still not see it.
    const had = process.env[KEY_VAR];
    process.env[KEY_VAR] = SECRET;
    const { report } = await run(file, { DDFLOW_TEST_MCP_SECRET: 'passed-on', [KEY_VAR]: SECRET }).finally(() => {
      if (had === undefined) delete process.env[KEY_VAR];
      else process.env[KEY_VAR] = had;
    });
    expect(report.status).toBe('completed');
    const calls = (await fs.readFile(callLog, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(calls).toHaveLength(6);
    for (const c of calls) {
      expect(c.secret).toBe('passed-on');
      // The model provider's key variable is not inherited by the tool server.
      expect(c.leaked).toBeNull();
    }

    const broken = await mcpExample((t) => t.replace('args: [', `env: {MCP_FAIL_AT_START: "1"}\n    args: [`).replace(path.join(ROOT, 'examples/mcp/catalog-server.mjs'), STDIO_SERVER));
    server.resetStats();
    const before = generationRequests(server).length;
    const err = await run(broken.file).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Stage 'answers', tool config 'catalog-tools': MCP provider 'catalog' \(stdio: .*\) (could not be started|failed while listing its tools): .*\(stderr: catalog server: cannot open the product database\)\.$/);
    expect(generationRequests(server).length).toBe(before);
  });
});

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}
