import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUMMARY_TRUNCATED_NOTE, formatDuration, inertMarkdown, renderSummary, tableCell, type ColumnStatisticLike } from '../../src/action/summary.js';
import type { RunReport, StageReport } from '../../src/workflow/report.js';
import type { ColumnStatistics } from '../../src/data/statistics.js';

// What src/data/statistics.ts computes must be accepted as is (a type error here fails typecheck).
const _fromDataModule: ColumnStatisticLike[] = [] as ColumnStatistics[];
void _fromDataModule;

function stage(over: Partial<StageReport> & Pick<StageReport, 'index' | 'name'>): StageReport {
  return {
    status: 'completed',
    cache: 'miss',
    fingerprint: 'f'.repeat(64),
    stage_dir: `/w/out/wf/stage-${over.index}-${over.name}`,
    num_records_requested: 100,
    num_records_actual: 100,
    output_records: 100,
    duration_sec: 12.34,
    tokens: { prompt: 0, completion: 0 },
    ...over,
  };
}

function report(stages: StageReport[], over: Partial<RunReport> = {}): RunReport {
  return {
    workflow: 'qa',
    workflow_dir: '/w/out/qa',
    status: 'completed',
    stages,
    final_stage: stages.at(-1)?.name,
    final_records: stages.at(-1)?.output_records ?? 0,
    export_path: 'out/qa.jsonl',
    seed: 7,
    warnings: [],
    ...over,
  };
}

const sample = {
  columns: ['topic', 'answer'],
  rows: [
    { topic: 'cats', answer: 'Cats purr.' },
    { topic: 'a|b', answer: 'line one\nline two' },
  ],
};

describe('renderSummary', () => {
  it('shows a stage table with status, cache, rows, duration and tokens', () => {
    const md = renderSummary(
      report([
        stage({ index: 0, name: 'topics', cache: 'restored', duration_sec: 0.4, decision: 'restore', reason: 'the cache store holds it (k)' }),
        stage({ index: 1, name: 'answers', saved: true, duration_sec: 125, tokens: { prompt: 12345, completion: 678 }, num_records_actual: 95, output_records: 95 }),
      ]),
      sample,
    );
    expect(md).toContain('## ddflow: qa (✅ completed)');
    expect(md).toContain('**95 records** from stage `answers`, exported to `out/qa.jsonl`; seed 7.');
    expect(md).toContain('| 0 | topics | restore | ✅ completed | hit (cache) | 100 | 0.4 s | — | the cache store holds it (k) |');
    expect(md).toContain('| 1 | answers | — | ✅ completed | miss, saved | ⚠️ 95 (95 of 100 generated) | 2m 05s | 12,345 / 678 |');
    expect(md).toContain('1 of 2 stages came from the cache; 12,345 prompt and 678 completion tokens.');
  });

  it('shows sample rows with escaped pipes, newlines and markup, and long cells cut', () => {
    const long = 'x'.repeat(500);
    const md = renderSummary(report([stage({ index: 0, name: 's' })]), {
      columns: ['topic', 'answer', 'obj'],
      rows: [...sample.rows.map((r) => ({ ...r, obj: { k: [1, 2] } })), { topic: long, answer: '<script>alert(1)</script>', obj: null }],
    });
    expect(md).toContain('### Sample (3 of 100 rows)');
    expect(md).toContain('| topic | answer | obj |');
    expect(md).toContain('| a\\|b | line one<br>line two | {"k":[1,2]} |');
    expect(md).toContain(`| ${'x'.repeat(79)}… | &lt;script&gt;alert(1)&lt;/script&gt; |  |`);
    expect(md).not.toContain('<script>');
  });

  it('names the image files of image columns (GitHub cannot show them from the runner), a few per column, inert', () => {
    const md = renderSummary(
      report([stage({ index: 0, name: 's' })]),
      {
        columns: ['photo', 'caption'],
        rows: [
          { photo: '["images/photo/a1.png", "images/photo/a2.png"]', caption: 'x' },
          { photo: 'images/photo/b1.png', caption: 'images/not-an-image-column.png' },
          { photo: '["images/photo/c1.png"]', caption: 'y' },
          { photo: 'images/photo/`odd`<b>.png', caption: 'z' },
        ],
      },
      [],
      { imageColumns: ['photo', 'absent'] },
    );
    const images = md.slice(md.indexOf('### Images')).split('\n\n').slice(0, 3).join('\n\n');
    expect(images).toContain('GitHub shows no image from the runner');
    expect(images.split('\n').filter((l) => l.startsWith('- '))).toEqual(['- `photo`: `images/photo/a1.png`, `images/photo/a2.png`, `images/photo/b1.png`']);
    expect(md).not.toContain('![');
    // Without image columns there is no such section.
    expect(renderSummary(report([stage({ index: 0, name: 's' })]), sample)).not.toContain('### Images');
  });

  it('limits the rows and columns of the sample', () => {
    const columns = Array.from({ length: 25 }, (_, i) => `c${i}`);
    const rows = Array.from({ length: 30 }, (_, r) => Object.fromEntries(columns.map((c) => [c, r])));
    const md = renderSummary(report([stage({ index: 0, name: 's' })]), { columns, rows }, [], { maxRows: 5 });
    const tableRows = md.split('\n').filter((l) => l.startsWith('| 0 | 0 |') || /^\| \d+ \| \d+ \| \d+ \|/.test(l));
    expect(tableRows).toHaveLength(5);
    expect(md).toContain('_5 more columns not shown._');
    expect(md).not.toContain('c20');
  });

  it('lists column statistics', () => {
    const stats: ColumnStatisticLike[] = [
      { column_name: 'age', column_type: 'sampler', simple_dtype: 'int', num_null: 0, num_unique: 40, sampler_type: 'uniform', distribution: { min: 18, max: 65, mean: 41.237, stddev: 13.5, median: 40 } },
      { column_name: 'answer', column_type: 'llm-text', simple_dtype: 'str', num_null: 2, num_unique: 98, output_tokens_mean: 54.321 },
      { column_name: 'ok', column_type: 'validation', num_null: '--', num_unique: '--', num_valid_records: 97 },
      { column_name: 'when', column_type: 'sampler', sampler_type: 'datetime', distribution: '--' },
    ];
    const md = renderSummary(report([stage({ index: 0, name: 's' })]), sample, stats);
    expect(md).toContain('### Column statistics');
    expect(md).toContain('| age | sampler | int | 0 | 40 | sampler: uniform; range 18–65; mean 41.24; stddev 13.50; median 40 |');
    expect(md).toContain('| answer | llm-text | str | 2 | 98 | output tokens mean 54.32 |');
    expect(md).toContain('| ok | validation |  | -- | -- | valid 97 |');
    expect(md).toContain('| when | sampler |  |  |  | sampler: datetime |');
  });

  it('warns about short stages, drops by reason, failures and run warnings', () => {
    const md = renderSummary(
      report(
        [
          stage({ index: 0, name: 'gen', num_records_actual: 90, output_records: 90, dropped_rows: { ModelTimeout: 3, EmptyRenderedExpression: 7, Other: 0 } }),
          stage({ index: 1, name: 'judge', status: 'failed', error: 'The model endpoint answered 401.', output_records: 0, num_records_actual: 0 }),
        ],
        { status: 'failed', warnings: ['The seed file changed since the last run.'] },
      ),
      { columns: [], rows: [] },
    );
    expect(md).toContain('## ddflow: qa (❌ failed)');
    expect(md).toContain('- `gen` generated 90 of the 100 requested rows.');
    expect(md).toContain('- `gen` dropped 10 rows: EmptyRenderedExpression 7, ModelTimeout 3.');
    expect(md).toContain('- `judge` failed: The model endpoint answered 401.');
    expect(md).toContain('- The seed file changed since the last run.');
    expect(md).toContain('| 1 | judge | — | ❌ failed | miss |');
    expect(md).toContain('_No rows._');
  });

  it('has no warnings section when nothing went wrong', () => {
    expect(renderSummary(report([stage({ index: 0, name: 's' })]), sample)).not.toContain('### Warnings');
  });

  it('stays under the byte cap and says it was cut', () => {
    const stages = Array.from({ length: 5000 }, (_, i) => stage({ index: i, name: `stage-with-a-long-name-${i}-${'é'.repeat(20)}` }));
    const md = renderSummary(report(stages), sample, [], { maxBytes: 100_000 });
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(100_000);
    expect(md.trimEnd().endsWith(SUMMARY_TRUNCATED_NOTE)).toBe(true);
    expect(md).not.toContain('\uFFFD');
    // Default cap: well under GitHub's 1 MiB.
    const big = renderSummary(report(stages), sample);
    expect(Buffer.byteLength(big)).toBeLessThanOrEqual(512 * 1024);
    expect(big).toContain('| 0 | stage-with-a-long-name-0-');
  });
});

describe('formatting helpers', () => {
  it('formats durations', () => {
    expect(formatDuration(3.21)).toBe('3.2 s');
    expect(formatDuration(42.6)).toBe('43 s');
    expect(formatDuration(61)).toBe('1m 01s');
    expect(formatDuration(3725)).toBe('1h 02m');
    expect(formatDuration(Number.NaN)).toBe('—');
  });

  it('cuts by characters, not UTF-16 halves', () => {
    expect(tableCell('😀😀😀😀', 3)).toBe('😀😀…');
    expect(tableCell('😀😀😀', 3)).toBe('😀😀😀');
    expect(tableCell(12n)).toBe('12');
    expect(tableCell('a\r\nb')).toBe('a<br>b');
  });
});

/**
 * Data (and error texts quoting it) cannot inject content into the job summary: what would become an
 * image, a link, an autolink, a mention or an issue reference is escaped or shown in a code span.
 */
describe('no injection through the summary', () => {
  const PAYLOAD =
    '![pixel](https://evil.example/p.png) [click me](https://evil.example/login) [ref][1] see https://evil.example/x?a=1&b=2 or www.evil.example, mail root@evil.example, cc @octocat @acme/admins fixes #123 GH-7 acme/infra#9 <img src=x> a|b \\](http://e) `tick`';

  it.each([
    ['![pixel](https://evil.example/p.png)', '!\\[pixel\\](`https://evil.example/p.png`)'.replace('!\\[pixel\\]', '![pixel\\]')],
    ['[click me](https://evil.example/login)', '[click me\\](`https://evil.example/login`)'],
    ['[ref][1]', '[ref\\][1]'],
    ['see https://evil.example/x?a=1&b=2 now', 'see `https://evil.example/x?a=1&b=2` now'],
    ['www.evil.example', '`www.evil.example`'],
    ['mail root@evil.example', 'mail `root@evil.example`'],
    ['cc @octocat and @acme/admins', 'cc `@octocat` and `@acme/admins`'],
    ['fixes #123, GH-7 and acme/infra#9', 'fixes `#123`, `GH-7` and `acme/infra#9`'],
    ['\\](http://e)', '\\\\\\](`http://e`)'],
    ['a `x` https://e.example/`y`', 'a \\`x\\` `` https://e.example/`y` ``'],
    // A backtick in the data once opened a code span that closed on ddflow's own, so the mention and the
    // reference it quoted were live markup again.
    ['ping` @octocat ` and` #1 `x', 'ping\\` `@octocat` \\` and\\` `#1` \\`x'],
    ['x` https://evil.example/![x](https://evil.example/p.png)y `z', 'x\\` `https://evil.example/![x](https://evil.example/p.png)y` \\`z'],
    ['a\u202eb', 'aU+202Eb'],
    ['see https://e.example/\u202eab', 'see `https://e.example/U+202Eab`'],
    ['C# and a#1 and user@ and 3 @ 4', 'C# and a#1 and user@ and 3 @ 4'],
  ])('%s', (text, expected) => {
    expect(inertMarkdown(text)).toBe(expected);
  });

  it('in a table cell, pipes stay escaped inside code spans too', () => {
    expect(tableCell('https://e.example/a|b c|d')).toBe('`https://e.example/a\\|b` c\\|d');
  });

  it('sample rows, column statistics, stage errors and warnings render no image, link, mention or reference', () => {
    const md = renderSummary(
      report([stage({ index: 0, name: 'gen', status: 'failed', error: `The model said: ${PAYLOAD}`, warnings: [`Column 'x': ${PAYLOAD}`] })], {
        warnings: [PAYLOAD],
      }),
      { columns: ['text'], rows: [{ text: PAYLOAD }] },
      [{ column_name: 'text', column_type: 'sampler', sampler_type: 'category', distribution: { most_common_value: PAYLOAD } }],
      { maxCellChars: 1000 },
    );
    const sections = md.split('### ');
    for (const name of ['Warnings', 'Sample', 'Column statistics']) expect(sections.some((s) => s.startsWith(name)), name).toBe(true);
    // Outside code spans, nothing GitHub would turn into a link, an image, a mention or a reference.
    const outsideCode = md.replace(/(`+)[^`]*?\1|``[^]*?``/g, '');
    expect(outsideCode).not.toMatch(/https?:\/\/|www\.|@octocat|@acme|#123|GH-7|infra#9|root@/);
    expect(outsideCode).not.toMatch(/(?<!\\)\]\(/); // no `](` that opens a link
    expect(outsideCode).not.toMatch(/(?<!\\)\]\[/); // nor `][` (reference link)
    expect(md).not.toContain('<img');
    // The text is all there, inert.
    expect(md).toContain('`https://evil.example/p.png`');
    expect(md).toContain('`@octocat`');
  });
});

describe('neutralising is linear in the text', () => {
  it('a 300,000-character word in a warning is handled at once (child process killed after 30 s)', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const script = `
      import { inertMarkdown } from ${JSON.stringify(pathToFileURL(path.join(root, 'src/action/summary.ts')).href)};
      const word = 'a'.repeat(300000) + ' ' + 'b.'.repeat(150000) + '/c';
      process.stdout.write(String(inertMarkdown(word) === word));
    `;
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(r.signal, 'killed after 30 s').toBeNull();
    expect(r.stdout, r.stderr).toBe('true');
  }, 60_000);
});
