import { describe, expect, it } from 'vitest';
import { StageGroups, lastTargetIndex, stageResultLine } from '../../src/action/stage-log.js';
import type { StageReport } from '../../src/workflow/report.js';

function report(index: number, name: string, over: Partial<StageReport> = {}): StageReport {
  return {
    index,
    name,
    status: 'completed',
    cache: 'miss',
    fingerprint: 'f',
    stage_dir: `/w/${name}`,
    num_records_requested: 10,
    num_records_actual: 10,
    output_records: 10,
    duration_sec: 1.26,
    tokens: { prompt: 0, completion: 0 },
    ...over,
  };
}

function recorder() {
  const lines: string[] = [];
  return {
    lines,
    out: {
      startGroup: (t: string) => lines.push(`::group::${t}`),
      endGroup: () => lines.push('::endgroup::'),
      info: (m: string) => lines.push(m),
    },
  };
}

describe('StageGroups', () => {
  it('opens the next stage group when a stage ends, so its cache lookup lands inside; never nests', () => {
    const { lines, out } = recorder();
    const g = new StageGroups(out, ['a', 'b', 'c'], 1);
    g.begin(0);
    lines.push('cache lookup for a');
    g.onEvent({ type: 'stage-start', index: 0, stage: 'a', numRecords: 10, resume: true, fingerprint: 'f', stageDir: '/w/a' });
    g.onEvent({ type: 'stage-progress', progress: { stage: 'a', rowsDone: 4, rowsTotal: 10, rowGroupsDone: 1, rowGroupsTotal: 3, tokens: { prompt: 0, completion: 0 } } });
    g.onEvent({ type: 'stage-end', report: report(0, 'a', { saved: true, tokens: { prompt: 5, completion: 7 } }) });
    lines.push('cache lookup for b');
    g.onEvent({ type: 'stage-end', report: report(1, 'b', { cache: 'restored' }) });
    g.end();
    expect(lines).toEqual([
      '::group::Stage 0: a (1 of 3)',
      'cache lookup for a',
      "Resuming stage 'a' from its completed row groups.",
      "Stage 'a': completed, 10 rows, generated, saved to the cache, 1.3 s, 5 prompt / 7 completion tokens",
      '::endgroup::',
      '::group::Stage 1: b (2 of 3)',
      'cache lookup for b',
      "Stage 'b': completed, 10 rows, restored from the Actions cache, 1.3 s",
      '::endgroup::',
    ]);
  });

  it('numbers a group as its directory and the summary do, counted among all stages; opens no group after a failure (issue 14)', () => {
    const { lines, out } = recorder();
    const g = new StageGroups(out, ['a', 'b', 'c'], 1);
    g.begin(0);
    g.onEvent({ type: 'stage-end', report: report(0, 'a', { status: 'failed', error: 'boom' }) });
    g.end();
    expect(lines).toEqual(['::group::Stage 0: a (1 of 3)', "Stage 'a': failed, 10 rows, generated, 1.3 s — boom", '::endgroup::']);
  });

  it('progress: one line per interval of a running stage, not one per event (issue 14)', async () => {
    const { lines, out } = recorder();
    const g = new StageGroups(out, ['a'], 0, 60);
    g.begin(0);
    g.onEvent({ type: 'stage-start', index: 0, stage: 'a', numRecords: 10, resume: false, fingerprint: 'f', stageDir: '/w/a' });
    for (let i = 1; i <= 50; i++) g.onEvent({ type: 'stage-progress', progress: { stage: 'a', rowsDone: i % 10, rowsTotal: 10, rowGroupsDone: 0, rowGroupsTotal: 1, tokens: { prompt: 0, completion: 0 } } });
    expect(lines.filter((l) => l.startsWith('  a: '))).toEqual([]);
    // Nothing completes for a while: the log still gets a line every interval.
    for (let i = 0; i < 200 && lines.filter((l) => l.startsWith('  a: ')).length < 2; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lines.filter((l) => l.startsWith('  a: ')).length).toBeGreaterThanOrEqual(2);
    expect(lines.find((l) => l.startsWith('  a: '))).toMatch(/^ {2}a: 0\/10 rows \(0%\) {2}0\.0 rows\/s {2}ETA \?$/);
    g.onEvent({ type: 'stage-end', report: report(0, 'a') });
    g.end();
    const after = lines.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(lines.length).toBe(after);
  });

  it('result lines name drops and errors', () => {
    expect(stageResultLine(report(0, 'x', { status: 'failed', error: 'The run was cancelled.', dropped_rows: { ModelTimeout: 2, Other: 0 } }))).toBe(
      "Stage 'x': failed, 10 rows, generated, 1.3 s, dropped 2 ModelTimeout — The run was cancelled.",
    );
  });

  it('lastTargetIndex: the furthest target, or the last stage', () => {
    expect(lastTargetIndex(['a', 'b', 'c'], [])).toBe(2);
    expect(lastTargetIndex(['a', 'b', 'c'], ['b', 'a'])).toBe(1);
    expect(lastTargetIndex(['a', 'b', 'c'], ['zzz'])).toBe(2);
  });
});
