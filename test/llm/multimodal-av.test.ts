/**
 * Audio and video `multi_modal_context`: Data Designer's vectors (row values → canonical blocks →
 * OpenAI-compatible blocks), the request body through the real openai client, and the Anthropic refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicPayload } from '../../src/llm/anthropic.js';
import { LlmFacade } from '../../src/llm/facade.js';
import { canonicalMediaBlock, contextBlocks, openAICompatibleBlock, type CanonicalMediaBlock } from '../../src/llm/multimodal.js';
import { textRecipe } from '../../src/llm/recipes.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { Rng } from '../../src/shared/random.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { facadeFor, KEY_VAR, SECRET } from './helpers.js';

const url = (type: 'audio' | 'video', u: string): CanonicalMediaBlock => ({ type, source: { type: 'url', url: u } });
const b64 = (type: 'audio' | 'video', media_type: string, data: string): CanonicalMediaBlock => ({ type, source: { type: 'base64', media_type, data } });
/** The blocks one audio/video context gives for one record (get_contexts, then the adapter). */
const contexts = (modality: 'audio' | 'video', context: Record<string, unknown>, value: unknown) =>
  contextBlocks([{ modality, column_name: 'c', ...context }], { c: value });

// packages/data-designer-config/tests/config/test_models.py
describe("AudioContext.get_contexts (Data Designer's test_models.py)", () => {
  it('test_audio_context_get_contexts_single_string', () => {
    expect(canonicalMediaBlock('audio1base64', { data_type: 'base64', audio_format: 'mp3' }, 'audio')).toEqual(b64('audio', 'audio/mpeg', 'audio1base64'));
    expect(canonicalMediaBlock('https://example.com/audio.mp3', { data_type: 'url' }, 'audio')).toEqual(url('audio', 'https://example.com/audio.mp3'));
    expect(canonicalMediaBlock('recordings/speech.mp3', { data_type: 'url' }, 'audio')).toEqual(url('audio', 'recordings/speech.mp3'));
    expect(canonicalMediaBlock('file:///data/recordings/speech.mp3', { data_type: 'url' }, 'audio')).toEqual(url('audio', 'file:///data/recordings/speech.mp3'));
  });

  it('test_audio_context_get_contexts_list_json_and_numpy (as the blocks sent)', () => {
    expect(contexts('audio', { data_type: 'base64', audio_format: 'wav' }, ['audio1', 'audio2'])).toEqual([
      { type: 'input_audio', input_audio: { data: 'audio1', format: 'wav' } },
      { type: 'input_audio', input_audio: { data: 'audio2', format: 'wav' } },
    ]);
    expect(contexts('audio', { data_type: 'url' }, JSON.stringify(['https://example.com/audio1.mp3', 'https://example.com/audio2.mp3']))).toEqual([
      { type: 'audio_url', audio_url: { url: 'https://example.com/audio1.mp3' } },
      { type: 'audio_url', audio_url: { url: 'https://example.com/audio2.mp3' } },
    ]);
  });

  it('test_audio_context_auto_detect_url_and_data_uri', () => {
    expect(canonicalMediaBlock('https://example.com/audio.mp3', {}, 'audio')).toEqual(url('audio', 'https://example.com/audio.mp3'));
    expect(canonicalMediaBlock('https://example.com/download?id=123', {}, 'audio')).toEqual(url('audio', 'https://example.com/download?id=123'));
    expect(canonicalMediaBlock('data:audio/mpeg;base64,audio1base64', {}, 'audio')).toEqual(b64('audio', 'audio/mpeg', 'audio1base64'));
  });

  it.each(['recordings/speech.wav', 'file:///data/recordings/speech.mp3'])('test_audio_context_auto_detect_local_path_rejected: %s', (p) => {
    expect(() => canonicalMediaBlock(p, {}, 'audio')).toThrow('audio context values that look like local paths must use data_type=url');
  });

  it('test_audio_context_validate_audio_format (the value checks)', () => {
    expect(() => canonicalMediaBlock('not-a-url', { data_type: 'url' }, 'audio')).toThrow('audio URL context values must be HTTP');
    expect(() => canonicalMediaBlock('audio1base64', {}, 'audio')).toThrow('audio_format is required for base64 audio context values');
    expect(() => canonicalMediaBlock('data:audio/mpeg;base64,audio1base64', { audio_format: 'wav' }, 'audio')).toThrow("audio_format 'wav' does not match data URI media type 'audio/mpeg'");
    expect(() => canonicalMediaBlock('screen_recording.mp3', { audio_format: 'mp3' }, 'audio')).toThrow('audio context values that look like local paths must use data_type=url');
    expect(() => canonicalMediaBlock('screen_recording.mp3', { data_type: 'base64', audio_format: 'mp3' }, 'audio')).toThrow('audio context values that look like local paths must use data_type=url');
  });
});

// packages/data-designer-config/tests/config/test_models.py
describe("VideoContext.get_contexts (Data Designer's test_models.py)", () => {
  it('test_video_context_get_contexts_single_string', () => {
    expect(canonicalMediaBlock('video1base64', { data_type: 'base64', video_format: 'mp4' }, 'video')).toEqual(b64('video', 'video/mp4', 'video1base64'));
    expect(canonicalMediaBlock('https://example.com/video.mp4', { data_type: 'url' }, 'video')).toEqual(url('video', 'https://example.com/video.mp4'));
    expect(canonicalMediaBlock('clips/screen_recording.mp4', { data_type: 'url' }, 'video')).toEqual(url('video', 'clips/screen_recording.mp4'));
    expect(canonicalMediaBlock('file:///data/clips/screen_recording.mp4', { data_type: 'url' }, 'video')).toEqual(url('video', 'file:///data/clips/screen_recording.mp4'));
  });

  it('test_video_context_get_contexts_list_json_and_numpy (as the blocks sent)', () => {
    expect(contexts('video', { data_type: 'base64', video_format: 'webm' }, ['video1', 'video2'])).toEqual([
      { type: 'video_url', video_url: { url: 'data:video/webm;base64,video1' } },
      { type: 'video_url', video_url: { url: 'data:video/webm;base64,video2' } },
    ]);
    expect(contexts('video', { data_type: 'url' }, JSON.stringify(['https://example.com/video1.mp4', 'https://example.com/video2.mp4']))).toEqual([
      { type: 'video_url', video_url: { url: 'https://example.com/video1.mp4' } },
      { type: 'video_url', video_url: { url: 'https://example.com/video2.mp4' } },
    ]);
  });

  it('test_video_context_auto_detect_url_and_data_uri', () => {
    expect(canonicalMediaBlock('https://example.com/video.mp4', {}, 'video')).toEqual(url('video', 'https://example.com/video.mp4'));
    expect(canonicalMediaBlock('https://example.com/download?id=123', {}, 'video')).toEqual(url('video', 'https://example.com/download?id=123'));
    expect(canonicalMediaBlock('data:video/mp4;base64,video1base64', {}, 'video')).toEqual(b64('video', 'video/mp4', 'video1base64'));
  });

  it.each(['clips/screen_recording.webm', 'file:///data/clips/screen_recording.mp4'])('test_video_context_auto_detect_local_path_rejected: %s', (p) => {
    expect(() => canonicalMediaBlock(p, {}, 'video')).toThrow('video context values that look like local paths must use data_type=url');
  });

  it('test_video_context_validate_video_format (the value checks)', () => {
    expect(() => canonicalMediaBlock('not-a-url', { data_type: 'url' }, 'video')).toThrow('video URL context values must be HTTP');
    expect(() => canonicalMediaBlock('video1base64', {}, 'video')).toThrow('video_format is required for base64 video context values');
    expect(() => canonicalMediaBlock('data:video/mp4;base64,video1base64', { video_format: 'webm' }, 'video')).toThrow('does not match data URI media type');
    expect(() => canonicalMediaBlock('screen_recording.mp4', { video_format: 'mp4' }, 'video')).toThrow('video context values that look like local paths must use data_type=url');
    expect(() => canonicalMediaBlock('screen_recording.mp4', { data_type: 'base64', video_format: 'mp4' }, 'video')).toThrow('video context values that look like local paths must use data_type=url');
  });
});

// packages/data-designer-engine/tests/engine/models/clients/test_openai_compatible.py
describe("the OpenAI-compatible blocks (Data Designer's test_openai_compatible.py)", () => {
  it('test_completion_translates_base64_audio_blocks', () => {
    expect(openAICompatibleBlock(b64('audio', 'audio/mpeg', 'abc123'))).toEqual({ type: 'input_audio', input_audio: { data: 'abc123', format: 'mp3' } });
  });
  it('test_completion_rejects_unsupported_canonical_audio_media_type', () => {
    expect(() => openAICompatibleBlock(b64('audio', 'audio/flac', 'abc123'))).toThrow('audio/flac');
  });
  it('test_completion_translates_audio_url_blocks / test_completion_translates_local_audio_path_blocks', () => {
    expect(openAICompatibleBlock(url('audio', 'https://example.com/download?id=123'))).toEqual({ type: 'audio_url', audio_url: { url: 'https://example.com/download?id=123' } });
    expect(openAICompatibleBlock(url('audio', 'recordings/speech.wav'))).toEqual({ type: 'audio_url', audio_url: { url: 'recordings/speech.wav' } });
  });
  it('test_completion_translates_video_blocks / local_video_path / base64_video', () => {
    expect(openAICompatibleBlock(url('video', 'https://example.com/download?id=123'))).toEqual({ type: 'video_url', video_url: { url: 'https://example.com/download?id=123' } });
    expect(openAICompatibleBlock(url('video', 'clips/screen_recording.mp4'))).toEqual({ type: 'video_url', video_url: { url: 'clips/screen_recording.mp4' } });
    expect(openAICompatibleBlock(b64('video', 'video/mp4', 'abc123'))).toEqual({ type: 'video_url', video_url: { url: 'data:video/mp4;base64,abc123' } });
  });
});

describe('contextBlocks with audio and video', () => {
  it('images, audio and video in config order, then item order', () => {
    const row = { pic: 'https://x.test/1.png', voice: '["UklGRg==", "data:audio/x-wav;base64,SUQz"]', clip: 'https://x.test/v.mp4' };
    expect(
      contextBlocks(
        [
          { modality: 'audio', column_name: 'voice', audio_format: 'wav' },
          { column_name: 'pic' },
          { modality: 'video', column_name: 'clip' },
        ],
        row,
      ),
    ).toEqual([
      { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
      { type: 'input_audio', input_audio: { data: 'SUQz', format: 'wav' } },
      { type: 'image_url', image_url: { url: 'https://x.test/1.png' } },
      { type: 'video_url', video_url: { url: 'https://x.test/v.mp4' } },
    ]);
  });

  it("a value Data Designer refuses is one sentence naming the column and the context", () => {
    expect(() => contextBlocks([{ column_name: 'pic' }, { modality: 'audio', column_name: 'voice' }], { pic: null, voice: 'QUJD' }, 'answer')).toThrow(
      "Column 'answer': multi_modal_context[1] (audio from column 'voice'): audio_format is required for base64 audio context values.",
    );
  });
});

describe('audio and video through the real openai client', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI({ seed: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('the user message carries input_audio / audio_url / video_url blocks before the text block', async () => {
    const facade = facadeFor(server);
    const images = contextBlocks(
      [
        { modality: 'audio', column_name: 'a', data_type: 'base64', audio_format: 'mp3' },
        { modality: 'audio', column_name: 'u', data_type: 'url' },
        { modality: 'video', column_name: 'v', video_format: 'mp4' },
        { modality: 'video', column_name: 'p', data_type: 'url' },
      ],
      { a: 'SUQzBAAA', u: 'recordings/speech.wav', v: 'AAAAIGZ0eXA=', p: 'https://x.test/clip?id=1' },
    );
    await facade.generate({ alias: 'm', prompt: 'Transcribe this.', images, recipe: textRecipe(), rng: new Rng(1), recordKey: 0 });
    const [sent] = generationRequests(server);
    expect(sent!.body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'input_audio', input_audio: { data: 'SUQzBAAA', format: 'mp3' } },
          { type: 'audio_url', audio_url: { url: 'recordings/speech.wav' } },
          { type: 'video_url', video_url: { url: 'data:video/mp4;base64,AAAAIGZ0eXA=' } },
          { type: 'video_url', video_url: { url: 'https://x.test/clip?id=1' } },
          { type: 'text', text: 'Transcribe this.' },
        ],
      },
    ]);
  });
});

// packages/data-designer-engine/tests/engine/models/clients/test_anthropic_translation.py
describe('Anthropic refuses audio and video (UnsupportedAnthropicMediaBlockError)', () => {
  it.each([
    ['audio', 'audio'],
    ['video', 'video'],
    ['audio_url', 'audio'],
    ['input_audio', 'audio'],
    ['video_url', 'video'],
    ['input_video', 'video'],
  ])('a %s block: one sentence', (type, modality) => {
    expect(() => anthropicPayload({ model: 'm', messages: [{ role: 'user', content: [{ type }, { type: 'text', text: 'Hi' }] }] })).toThrow(
      `Anthropic adapter does not support ${modality} context blocks.`,
    );
  });

  it('through the facade: the call fails with the sentence and nothing is sent', async () => {
    const server = await startFakeOpenAI({ seed: 2 });
    try {
      const llm = new LlmFacade(
        buildModelRegistry({
          providers: [{ name: 'claude', endpoint: server.url, provider_type: 'anthropic', api_key: KEY_VAR }],
          models: [{ alias: 'm', model: 'fake/model-1', provider: 'claude', inference_parameters: {} }],
          env: { [KEY_VAR]: SECRET },
          defaultTimeoutMs: 2_000,
        }),
        { retryPolicy: { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 40 } },
      );
      const images = contextBlocks([{ modality: 'audio', column_name: 'a', data_type: 'url' }], { a: 'https://x.test/a.wav' });
      await expect(llm.generate({ alias: 'm', prompt: 'Transcribe this.', images, recipe: textRecipe(), rng: new Rng(1), recordKey: 0 })).rejects.toThrow(
        'Anthropic adapter does not support audio context blocks.',
      );
      expect(server.requests.filter((r) => r.path === '/v1/messages')).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
