/**
 * multi_modal_context in a run: the image columns of each row reach the model as image_url blocks after
 * the prompt's text, a column declared after the LLM column is generated first (it is a dependency),
 * and the trace keeps the blocks.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 6 });
});
afterAll(async () => {
  await server.close();
});

const COLUMNS = `
        - name: photo
          column_type: sampler
          sampler_type: category
          params: {values: ["https://img.test/a.png", "https://img.test/b.png"]}
        - name: caption
          column_type: llm-text
          model_alias: chat
          prompt: "Describe the pictures."
          with_trace: all_messages
          multi_modal_context:
            - {modality: image, column_name: photo}
            - {column_name: thumbs, data_type: base64, image_format: jpg}
        - name: thumbs
          column_type: expression
          expr: '["QUJD", "REVG"]'
`;

describe('multi_modal_context end to end', () => {
  it('sends each row image columns as image_url blocks before the text block (Data Designer prompt_to_messages, engine/models/utils.py)', async () => {
    const work = await tempDir('ddflow-mm-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 4 }));
    const log = memoryLogger();
    const report = await runWorkflow(await loadWorkflow(file), { log, env: { [KEY_VAR]: SECRET } });
    expect(report.status).toBe('completed');
    const rows = (await readParquet(path.dirname(report.stages[0]!.output_files![0]!))) as any[];
    expect(rows).toHaveLength(4);
    const sent = generationRequests(server);
    expect(sent).toHaveLength(4);
    const photos = new Set<string>();
    for (const r of sent) {
      const user = r.body.messages.find((m: any) => m.role === 'user');
      expect(user.content[user.content.length - 1]).toEqual({ type: 'text', text: 'Describe the pictures.' });
      const urls = user.content.slice(0, -1).map((b: any) => (expect(b.type).toBe('image_url'), b.image_url.url));
      expect(urls).toHaveLength(3);
      expect(urls[0]).toMatch(/^https:\/\/img\.test\/[ab]\.png$/);
      expect(urls.slice(1)).toEqual(['data:image/jpeg;base64,QUJD', 'data:image/jpeg;base64,REVG']);
      photos.add(urls[0]);
    }
    // Each row sent its own photo.
    expect([...photos].sort()).toEqual([...new Set(rows.map((r) => r.photo))].sort());
    const trace = typeof rows[0].caption__trace === 'string' ? JSON.parse(rows[0].caption__trace) : rows[0].caption__trace;
    expect(trace[0].content.map((b: any) => b.type)).toEqual(['image_url', 'image_url', 'image_url', 'text']);
    // A prompt without references is fine when images come with it.
    expect([...report.warnings, ...log.lines.map((l) => l.message)].some((m) => /does not reference any columns/.test(m))).toBe(false);
  });
});
