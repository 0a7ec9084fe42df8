import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callStoreKey, callStorePrefix, restoreCallStore, saveCallStore, segmentsIn } from '../../src/action/call-store.js';
import type { CacheStore } from '../../src/workflow/stores.js';

/** A directory-backed CacheStore with the service's matching rules (exact, then prefix, newest first). */
function memoryStore(): CacheStore & { keys(): string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-callstore-'));
  const order: string[] = [];
  return {
    kind: 'memory',
    keys: () => [...order],
    async save(key, dir) {
      if (order.includes(key)) return false;
      fs.cpSync(dir, path.join(root, String(order.length)), { recursive: true });
      order.push(key);
      return true;
    },
    async restore(key, dir, prefixes = []) {
      const newestFirst = order.map((k, i) => ({ k, i })).reverse();
      for (const p of [key, ...prefixes]) {
        const m = newestFirst.find((e) => e.k === p) ?? newestFirst.find((e) => e.k.startsWith(p));
        if (m) {
          fs.rmSync(dir, { recursive: true, force: true });
          fs.cpSync(path.join(root, String(m.i)), dir, { recursive: true });
          return m.k;
        }
      }
      return undefined;
    },
  };
}

function dirWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-calls-'));
  for (const [n, c] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), c);
  return dir;
}

describe('call store', () => {
  it('keys: <prefix>-<workflow>:calls-<run>-<attempt> (no stage key can start so)', () => {
    expect(callStorePrefix('ddflow', 'qa')).toBe('ddflow-qa:calls-');
    expect(callStoreKey('ddflow', 'qa', { id: '42', attempt: '2' })).toBe('ddflow-qa:calls-42-2');
    expect(callStoreKey('ddflow', 'qa', {})).toBe('ddflow-qa:calls-local-1');
    // A stage called `calls` has the key ddflow-qa-calls-<fingerprint>: not under the store's prefix.
    expect('ddflow-qa-calls-0123abcd'.startsWith(callStorePrefix('ddflow', 'qa'))).toBe(false);
  });

  it('merges the newest saved store into the local one without losing local segments; saves only when something is new', async () => {
    const store = memoryStore();
    const first = dirWith({ 'calls-1.jsonl': '{"k":"a","v":{}}\n' });
    expect(await saveCallStore(store, { dir: first, key: 'p-wf:calls-1-1', baseline: [] })).toBe(true);
    // A stage called `calls` (key p-wf-calls-<fp>) is never what the store restores.
    const stage = dirWith({ 'ddflow-stage.json': '{}' });
    await store.save('p-wf-calls-0123abcd', stage);

    const local = path.join(dirWith({}), 'call-cache');
    fs.mkdirSync(local);
    fs.writeFileSync(path.join(local, 'calls-0-local.jsonl'), '');
    const r = await restoreCallStore(store, 'p', 'wf', local);
    expect(r.hit).toBe('p-wf:calls-1-1');
    expect(r.added).toBe(1);
    expect(fs.readdirSync(local).sort()).toEqual(['calls-0-local.jsonl', 'calls-1.jsonl']);

    // Once a newer real store exists, it is the one restored, merged next to the local segment.
    fs.writeFileSync(path.join(first, 'calls-2.jsonl'), '');
    await store.save('p-wf:calls-2-1', first);
    const again = await restoreCallStore(store, 'p', 'wf', local);
    expect(again).toMatchObject({ hit: 'p-wf:calls-2-1', added: 1 });
    expect(segmentsIn(local)).toEqual(['calls-0-local.jsonl', 'calls-1.jsonl', 'calls-2.jsonl']);
    expect(fs.existsSync(`${local}.restoring`)).toBe(false);

    // Nothing new since the restore: no save. A new segment: saved under this run's key.
    expect(await saveCallStore(store, { dir: local, key: 'p-wf:calls-3-1', baseline: again.baseline })).toBe(false);
    fs.writeFileSync(path.join(local, 'calls-3.jsonl'), '');
    expect(await saveCallStore(store, { dir: local, key: 'p-wf:calls-3-1', baseline: again.baseline })).toBe(true);
    expect(store.keys()).toContain('p-wf:calls-3-1');
  });

  it('a miss leaves the local directory alone', async () => {
    const store = memoryStore();
    const local = path.join(dirWith({}), 'call-cache');
    const r = await restoreCallStore(store, 'p', 'wf', local);
    expect(r).toEqual({ hit: undefined, added: 0, baseline: [] });
    expect(fs.existsSync(local)).toBe(false);
  });
});
