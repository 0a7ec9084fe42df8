/**
 * The issue 12 families through the bundled CLI (dist/cli/index.js), run from a directory outside the
 * repository as a user would: the bundler must leave a user's function module to Node (a bundled
 * `import()` of a run-time path fails), load the Anthropic SDK chunk on first use, and write image files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationRequests, startFakeOpenAI, toolAgent, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { distCli, runCli } from './batch-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 31 });
});
afterAll(async () => {
  await server.close();
});

/** A copy of an example outside the repository, with `edit` applied to its workflow file. */
async function example(name: string, edit: (text: string) => string = (t) => t): Promise<{ dir: string; file: string }> {
  const dir = path.join(await tempDir(`ddflow-dist-${name}-`), name);
  await fs.cp(path.join(ROOT, 'examples', name), dir, { recursive: true });
  const file = path.join(dir, 'workflow.yml');
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
  return { dir, file };
}

const rowsOf = async (file: string) => (await fs.readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));

describe('issue 12 families through dist/', () => {
  it('MCP tool use: examples/mcp starts its stdio server (the SDK chunk loads from the bundle) and stops it', async () => {
    const agent = await startFakeOpenAI({ seed: 32, ...toolAgent({ pick: (names) => names, args: (_tool, prompt) => ({ product: /the (\w+)/.exec(prompt)?.[1] ?? 'x' }) }) });
    try {
      // The server script stays in the repository (it imports the SDK from there); the workflow runs outside it.
      const { dir, file } = await example('mcp', (t) =>
        t
          .replace('model_configs:', `model_providers:\n  - {name: openai, endpoint: ${agent.url}, api_key: DDFLOW_TEST_LLM_KEY}\nmodel_configs:`)
          .replace('command: node', `command: ${process.execPath}`)
          .replace('args: [catalog-server.mjs]', `args: [${path.join(ROOT, 'examples/mcp/catalog-server.mjs')}]`),
      );
      const out = path.join(dir, 'answers.jsonl');
      const r = await runCli(distCli, file, dir, ['--artifact-path', path.join(dir, 'artifacts'), '--export', out]);
      expect(r.code, r.stderr).toBe(0);
      const rows = await rowsOf(out);
      expect(rows).toHaveLength(6);
      for (const row of rows) expect(row.answer).toMatch(new RegExp(`^Answer from tools: ${row.product}: \\$\\d+ \\| ${row.product}: `));
      expect(generationRequests(agent)).toHaveLength(12);
      expect(generationRequests(agent)[0]!.body.tools.map((t: any) => t.function.name)).toEqual(['lookup_price', 'stock_level']);
    } finally {
      await agent.close();
    }
  });

  it('custom columns and a local_callable validator: a JS module and a Python command bound by functions:', async () => {
    const { dir, file } = await example('custom');
    const out = path.join(dir, 'out.jsonl');
    const r = await runCli(distCli, file, dir, ['--artifact-path', path.join(dir, 'artifacts'), '--export', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(25);
    for (const row of rows) {
      expect(row.review_clean).toBe(String(row.review).trim().toLowerCase());
      expect(row.score_check.is_valid).toBe(true);
    }
  });

  it('Claude through provider_type: anthropic, and images from an image model', async () => {
    const out = path.join(await tempDir('ddflow-dist-out-'), 'faq.jsonl');
    const withKey = await example('anthropic', (t) => t.replace('endpoint: https://api.anthropic.com/v1', `endpoint: ${server.url}`).replace('api_key: ANTHROPIC_API_KEY', 'api_key: DDFLOW_TEST_LLM_KEY'));
    server.resetStats();
    const ok = await runCli(distCli, withKey.file, withKey.dir, ['--export', out]);
    expect(ok.code, ok.stderr).toBe(0);
    expect((await rowsOf(out)).length).toBe(8);
    expect(generationRequests(server).every((q) => q.path === '/v1/messages')).toBe(true);

    const images = await example('images', (t) => t.replace(/^(name: .*)$/m, `$1\nmodel_providers:\n  - {name: openai, endpoint: ${server.url}, api_key: DDFLOW_TEST_LLM_KEY}`));
    const imagesOut = path.join(images.dir, 'alt.jsonl');
    const i = await runCli(distCli, images.file, images.dir, ['--export', imagesOut]);
    expect(i.code, i.stderr).toBe(0);
    const rows = await rowsOf(imagesOut);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      const photo = (typeof row.photo === 'string' ? JSON.parse(row.photo) : row.photo)[0] as string;
      await expect(fs.stat(path.join(images.dir, 'artifacts/product-photos/stage-0-photos', photo))).resolves.toBeTruthy();
    }
  });
});
