/** multi_modal_context → image_url blocks: value forms, data types, formats, and the body on the wire. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/shared/random.js';
import { ParserError } from '../../src/llm/errors.js';
import { contextBlocks, imageItems, imageUrl } from '../../src/llm/multimodal.js';
import { textRecipe } from '../../src/llm/recipes.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { facadeFor } from './helpers.js';

describe('imageItems', () => {
  it('one value, a list, a string holding a JSON list; nulls and empty strings give nothing', () => {
    expect(imageItems('https://x.test/a.png')).toEqual(['https://x.test/a.png']);
    expect(imageItems(['a', 'b'])).toEqual(['a', 'b']);
    expect(imageItems(' ["https://x.test/a.png", "QUJD"] ')).toEqual(['https://x.test/a.png', 'QUJD']);
    expect(imageItems([{ url: 'https://x.test/u.png' }])).toEqual(['https://x.test/u.png']);
    expect(imageItems(null)).toEqual([]);
    expect(imageItems('')).toEqual([]);
    expect(imageItems([null, '  '])).toEqual([]);
    // Starts with '[' but is not JSON: one image.
    expect(imageItems('[not json')).toEqual(['[not json']);
  });
});

describe('imageUrl', () => {
  it('url is sent as it is', () => {
    expect(imageUrl('https://x.test/a.png', { data_type: 'url' })).toBe('https://x.test/a.png');
    expect(imageUrl('s3ish/key.png', { data_type: 'url' })).toBe('s3ish/key.png');
  });

  it('base64 becomes a data URI with image_format, or png', () => {
    expect(imageUrl('QUJD', { data_type: 'base64', image_format: 'webp' })).toBe('data:image/webp;base64,QUJD');
    expect(imageUrl('QUJD', { data_type: 'base64' })).toBe('data:image/png;base64,QUJD');
    // jpg is not a MIME subtype: jpeg is sent.
    expect(imageUrl('QUJD', { data_type: 'base64', image_format: 'jpg' })).toBe('data:image/jpeg;base64,QUJD');
    // Line breaks inside base64 (as files often hold it) are removed.
    expect(imageUrl('QU\nJD', { data_type: 'base64', image_format: 'png' })).toBe('data:image/png;base64,QUJD');
    // Already a data URI: kept.
    expect(imageUrl('data:image/gif;base64,R0lGOD', { data_type: 'base64', image_format: 'png' })).toBe('data:image/gif;base64,R0lGOD');
  });

  it('without image_format, a JPEG/GIF/WebP/PNG is recognised from its first bytes', () => {
    expect(imageUrl('/9j/4AAQSkZJRg', { data_type: 'base64' })).toBe('data:image/jpeg;base64,/9j/4AAQSkZJRg');
    expect(imageUrl('R0lGODlhAQAB', {})).toBe('data:image/gif;base64,R0lGODlhAQAB');
    expect(imageUrl('iVBORw0KGgoAAAANSUhEUg', {})).toBe('data:image/png;base64,iVBORw0KGgoAAAANSUhEUg');
  });

  it('data_type null: http(s):// and data: are URLs, anything else base64', () => {
    expect(imageUrl('http://x.test/a.png', { data_type: null })).toBe('http://x.test/a.png');
    expect(imageUrl('HTTPS://x.test/a.png', {})).toBe('HTTPS://x.test/a.png');
    expect(imageUrl('data:image/png;base64,QUJD', {})).toBe('data:image/png;base64,QUJD');
    expect(imageUrl('QUJD', { data_type: null, image_format: 'gif' })).toBe('data:image/gif;base64,QUJD');
  });
});

describe('contextBlocks', () => {
  it('one block per image, in context order then item order', () => {
    const row = { a: 'https://x.test/1.png', b: '["QUJD", "https://x.test/2.png"]', c: null };
    expect(contextBlocks([{ column_name: 'a' }, { column_name: 'b' }, { column_name: 'c' }], row)).toEqual([
      { type: 'image_url', image_url: { url: 'https://x.test/1.png' } },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,QUJD' } },
      { type: 'image_url', image_url: { url: 'https://x.test/2.png' } },
    ]);
    expect(contextBlocks(null, row)).toEqual([]);
  });

  it('a modality other than image, audio, video is refused (a config built in code)', () => {
    expect(() => contextBlocks([{ modality: 'smell', column_name: 'a' }], { a: 'x' })).toThrow(/modality 'smell' is not one of image, audio, video/);
  });
});

describe('images through the real client', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI({ seed: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('the user message carries the image blocks, then the text block (Data Designer prompt_to_messages); restarts resend them', async () => {
    const facade = facadeFor(server, {}, { runConfig: { max_conversation_restarts: 1 } });
    const images = contextBlocks([{ column_name: 'pic' }], { pic: '["https://x.test/1.png", "QUJD"]' });
    // The first answer is refused, so the conversation restarts: the images must go again.
    let calls = 0;
    const recipe = {
      ...textRecipe(),
      parse: (raw: string) => {
        if (calls++ === 0) throw new ParserError('no');
        return raw;
      },
    };
    const result = await facade.generate({ alias: 'm', prompt: 'Describe the image.', systemPrompt: 'Be brief.', images, recipe, rng: new Rng(1), recordKey: 0, withTrace: 'all_messages' });
    const sent = generationRequests(server);
    expect(sent).toHaveLength(2);
    for (const r of sent) {
      expect(r.body.messages).toEqual([
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://x.test/1.png' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,QUJD' } },
            { type: 'text', text: 'Describe the image.' },
          ],
        },
      ]);
    }
    expect(result.trace![1]!.content).toHaveLength(3);
  });
});
