/**
 * Audio and video multi_modal_context in a run: each row's audio and video columns reach the model as
 * Data Designer's OpenAI-compatible adapter sends them (engine/models/clients/adapters/openai_compatible.py:
 * input_audio for base64 audio, audio_url / video_url for URLs and local paths, a data URI in video_url
 * for base64 video), before the prompt's text block and in config order, images among them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 7 });
});
afterAll(async () => {
  await server.close();
});

const COLUMNS = `
        - name: recording
          column_type: sampler
          sampler_type: category
          params: {values: ["recordings/a.wav"]}
        - name: answer
          column_type: llm-text
          model_alias: chat
          prompt: "Transcribe and describe."
          multi_modal_context:
            - {modality: audio, column_name: recording, data_type: url}
            - {modality: image, column_name: photo}
            - {modality: audio, column_name: voice, audio_format: mp3}
            - {modality: video, column_name: clip, data_type: base64, video_format: mov}
            - {modality: video, column_name: link}
        - name: photo
          column_type: expression
          expr: "https://img.test/a.png"
        - name: voice
          column_type: expression
          expr: '["SUQzBAAA", "data:audio/mpeg;base64,SUQzBAAB"]'
        - name: clip
          column_type: expression
          expr: "AAAAFGZ0eXBxdCAg"
        - name: link
          column_type: expression
          expr: "https://video.test/v?id=1"
`;

describe('audio and video multi_modal_context end to end', () => {
  it("sends Data Designer's blocks before the text block, in config order", async () => {
    const work = await tempDir('ddflow-av-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 2 }));
    const report = await runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env: { [KEY_VAR]: SECRET } });
    expect(report.status).toBe('completed');
    const sent = generationRequests(server);
    expect(sent).toHaveLength(2);
    for (const r of sent) {
      expect(r.body.messages.find((m: any) => m.role === 'user').content).toEqual([
        { type: 'audio_url', audio_url: { url: 'recordings/a.wav' } },
        { type: 'image_url', image_url: { url: 'https://img.test/a.png' } },
        { type: 'input_audio', input_audio: { data: 'SUQzBAAA', format: 'mp3' } },
        { type: 'input_audio', input_audio: { data: 'SUQzBAAB', format: 'mp3' } },
        { type: 'video_url', video_url: { url: 'data:video/quicktime;base64,AAAAFGZ0eXBxdCAg' } },
        { type: 'video_url', video_url: { url: 'https://video.test/v?id=1' } },
        { type: 'text', text: 'Transcribe and describe.' },
      ]);
    }
  });

  it('a value Data Designer refuses drops the row with its sentence (here: every row, so the stage fails with it)', async () => {
    const work = await tempDir('ddflow-av-');
    const columns = COLUMNS.replace('{modality: audio, column_name: voice, audio_format: mp3}', '{modality: audio, column_name: voice, audio_format: wav}');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns, numRecords: 2 }));
    const before = generationRequests(server).length;
    await expect(runWorkflow(await loadWorkflow(file), { log: memoryLogger(), env: { [KEY_VAR]: SECRET } })).rejects.toThrow(
      "Column 'answer': multi_modal_context[2] (audio from column 'voice'): audio_format 'wav' does not match data URI media type 'audio/mpeg'.",
    );
    expect(generationRequests(server).length).toBe(before);
  });
});
