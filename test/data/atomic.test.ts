import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceAtomically, stringifyJson, writeFileAtomic, writeJsonAtomic } from '../../src/data/atomic.js';
import { tempDir } from './helpers.js';

describe('atomic writes', () => {
  it('writes a file and creates the parent directory', async () => {
    const d = tempDir();
    const f = path.join(d, 'a', 'b', 'x.txt');
    await writeFileAtomic(f, 'hello');
    expect(readFileSync(f, 'utf8')).toBe('hello');
    expect(readdirSync(path.dirname(f))).toEqual(['x.txt']);
  });

  it('leaves the old content and no temp file when the write fails', async () => {
    const d = tempDir();
    const f = path.join(d, 'x.json');
    writeFileSync(f, 'old');
    await expect(
      replaceAtomically(f, async (tmp) => {
        writeFileSync(tmp, 'half');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['x.json']);
  });

  it('writes JSON with 2-space indent, optional recursively sorted keys, and bigints as numbers', async () => {
    const d = tempDir();
    const f = path.join(d, 'm.json');
    await writeJsonAtomic(f, { b: 1, a: { d: [{ z: 1, y: 2 }], c: 10n } }, { sortKeys: true });
    const text = readFileSync(f, 'utf8');
    expect(text).toBe('{\n  "a": {\n    "c": 10,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
    expect(stringifyJson({ b: 1, a: 2 })).toBe('{\n  "b": 1,\n  "a": 2\n}\n');
    expect(existsSync(f)).toBe(true);
  });
});
