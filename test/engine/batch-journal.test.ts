// metadata.json is written a bounded number of times per interval, not once per row group (the O(G²)
// rewrite of a growing file), and a row group's file is still never in place before its record.
import { existsSync, mkdirSync, promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchJournal } from '../../src/engine/batch-journal.js';
import { runStage } from '../../src/engine/create.js';
import { stageInput, tmpDir } from './helpers.js';

/** A staged file: `name.tmp` renamed to `name` on publish. */
function staged(dir: string, name: string, events: string[]) {
  const tmp = path.join(dir, `.${name}.tmp`);
  writeFileSync(tmp, name);
  return {
    publish: async () => {
      await fs.rename(tmp, path.join(dir, name));
      events.push(`publish ${name}`);
    },
    discard: async () => {
      await fs.rm(tmp, { force: true });
      events.push(`discard ${name}`);
    },
  };
}

describe('BatchJournal', () => {
  it('groups added within the interval share one metadata write; each file is published after it', async () => {
    const dir = tmpDir();
    mkdirSync(dir, { recursive: true });
    const events: string[] = [];
    let clock = 0;
    const recorded: string[] = [];
    const journal = new BatchJournal({
      intervalMs: 1_000_000, // the timer never fires within the test: only flush() and the first add write
      now: () => clock,
      writeMetadata: async () => {
        events.push(`metadata ${recorded.join(',')}`);
      },
    });
    recorded.push('a');
    journal.add(staged(dir, 'a', events));
    await journal.flush(); // waits for the first write (at once: none before); nothing new to write
    for (const name of ['b', 'c', 'd']) {
      clock += 1;
      recorded.push(name);
      journal.add(staged(dir, name, events));
    }
    expect(events).toEqual(['metadata a', 'publish a']);
    await journal.flush();
    // The first group is written at once (no earlier write); the next three wait for one write together.
    expect(events).toEqual(['metadata a', 'publish a', 'metadata a,b,c,d', 'publish b', 'publish c', 'publish d']);
    expect(journal.writes).toBe(2);
    for (const name of ['a', 'b', 'c', 'd']) expect(existsSync(path.join(dir, name))).toBe(true);
  });

  it('a failed metadata write publishes nothing, discards the waiting files and fails the stage', async () => {
    const dir = tmpDir();
    mkdirSync(dir, { recursive: true });
    const events: string[] = [];
    const journal = new BatchJournal({
      writeMetadata: async () => {
        throw new Error('disk full');
      },
    });
    journal.add(staged(dir, 'a', events));
    await expect(journal.flush(true)).rejects.toThrow('disk full');
    expect(events).toEqual(['discard a']);
    expect(existsSync(path.join(dir, 'a'))).toBe(false);
    expect(() => journal.add(staged(dir, 'b', events))).toThrow('disk full');
  });
});

describe('metadata.json writes of a stage', () => {
  it('400 row groups generated in well under the interval: a handful of metadata writes, not 400', async () => {
    const input = stageInput(
      { columns: [{ name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 1 } }] },
      { numRecords: 400, bufferSize: 1 },
    );
    const target = path.join(input.stageDir, 'metadata.json');
    let writes = 0;
    const orig = fs.rename;
    (fs as { rename: typeof fs.rename }).rename = async (from, to) => {
      if (String(to) === target) writes++;
      return orig(from, to);
    };
    try {
      await runStage(input);
    } finally {
      (fs as { rename: typeof fs.rename }).rename = orig;
    }
    const meta = JSON.parse(readFileSync(target, 'utf8')) as { ddflow_batches: unknown[] };
    expect(meta.ddflow_batches).toHaveLength(400);
    // Each write is at least 250 ms after the previous one; a bound far above what this stage takes
    // on a loaded machine, far below one write per group.
    expect(writes).toBeLessThan(100);
  }, 60_000);
});
