/**
 * The markdown of a stage's data changes says everything the JSON says about a column. A categorical
 * column whose matched rows were unchanged was left out even when rows added elsewhere brought a new
 * value and moved its distribution (the JSON had it).
 */
import { describe, expect, it } from 'vitest';
import type { StageDiff } from '../../src/workflow/diff.js';
import { stageSection } from '../../src/workflow/diff-report.js';

const stage = (columns: StageDiff['columns']): StageDiff => ({
  index: 0,
  stage: 'tickets',
  status: 'changed',
  fingerprint: { base: 'a', current: 'b' },
  rows: { base: 10, current: 12 },
  columns,
  changed_rows: { matched: 10, changed: 0, examples: [] },
  data_changed: true,
});

describe('stageSection: columns whose matched rows are unchanged', () => {
  it('lists a categorical column with a new value and a moved distribution', () => {
    const md = stageSection(
      stage([
        {
          column: 'cat',
          kind: 'categorical',
          changed: 0,
          matched: 10,
          categorical: {
            base: [{ value: 'a', count: 6 }, { value: 'b', count: 4 }],
            current: [{ value: 'a', count: 6 }, { value: 'b', count: 4 }, { value: 'zzz', count: 2 }],
            new_values: ['zzz'],
            vanished_values: [],
          },
        },
      ]),
    ).join('\n');
    expect(md).toMatch(/- `cat` \(categorical\): 0 of 10 rows changed \(0%\); new values: "zzz"; distribution .*→ .*"zzz"/);
  });

  it('leaves out a column that did not move at all', () => {
    const same = [{ value: 'a', count: 10 }];
    const md = stageSection(stage([{ column: 'cat', kind: 'categorical', changed: 0, matched: 10, categorical: { base: same, current: same, new_values: [], vanished_values: [] } }])).join('\n');
    expect(md).not.toContain('`cat`');
  });
});
