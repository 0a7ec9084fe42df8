/** The pieces of the pull-request review that need no runner: the comment's cap and the event payload rules. */
import { describe, expect, it } from 'vitest';
import { capComment, COMMENT_LIMIT, commentCutNote, commentMarker } from '../../src/action/pr-comment.js';
import { onDefaultBranch, pullRequestOf } from '../../src/action/pull-request.js';
import { renderReview } from '../../src/action/review.js';
import type { WorkflowDiff } from '../../src/workflow/diff.js';

describe('the comment body', () => {
  it('is cut under 65,536 characters at a line, closes an open <details>, and ends with the note', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| ${i} | reply | ${'x'.repeat(20)} | ${'y'.repeat(20)} |`);
    const body = `${commentMarker('wf')}\n## report\n\n<details><summary>Changed rows</summary>\n\n${rows.join('\n')}\n\n</details>\n`;
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT);
    const note = commentCutNote('the whole report is in the job summary');
    const cut = capComment(body, note);
    expect(cut.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(cut.startsWith('<!-- ddflow:wf -->\n')).toBe(true);
    expect(cut.endsWith(note)).toBe(true);
    expect(cut).toMatch(/\|\n\n<\/details>\n\n_This comment was cut to stay under GitHub's 65,536-character limit; the whole report is in the job summary\._\n$/);
    expect(capComment('short', note)).toBe('short');
  });

  it('a huge diff report is still one comment under the limit', () => {
    const big = 'z'.repeat(2000);
    const diff: WorkflowDiff = {
      workflow: 'wf',
      base_dir: '',
      current_dir: '',
      changed: true,
      stages: Array.from({ length: 10 }, (_, n) => ({
          index: n,
          stage: `s${n}`,
          status: 'changed' as const,
          fingerprint: { base: 'a', current: 'b' },
          rows: { base: 40, current: 40 },
          schema: { added: [], removed: [], retyped: [] },
          columns: [],
          changed_rows: { matched: 40, changed: 40, examples: Array.from({ length: 40 }, (_, i) => ({ index: i, changes: [{ column: 'c', base: big, current: `${big}!` }] })) },
          data_changed: true,
        }) as WorkflowDiff['stages'][number]),
    };
    const report = renderReview('wf', { command: 'run', plan: [], fingerprints: new Map() }, { diff });
    expect(report.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(capComment(report, commentCutNote('see the summary')).length).toBeLessThanOrEqual(COMMENT_LIMIT);
  });
});

describe('the event', () => {
  const pr = (head: string | null, n = 3) => ({ pull_request: { number: n, base: { ref: 'main', repo: { full_name: 'acme/d' } }, head: { repo: head === null ? null : { full_name: head } } } });

  it('reads the pull request, and a fork (or a deleted fork) on pull_request as read-only', () => {
    expect(pullRequestOf('pull_request', pr('acme/d'))).toEqual({ number: 3, baseRef: 'main', readOnlyFork: false });
    expect(pullRequestOf('pull_request', pr('forker/d'))).toMatchObject({ readOnlyFork: true });
    expect(pullRequestOf('pull_request', pr(null))).toMatchObject({ readOnlyFork: true });
    // pull_request_target runs with the base repository's token.
    expect(pullRequestOf('pull_request_target', pr('forker/d'))).toMatchObject({ readOnlyFork: false });
    expect(pullRequestOf('push', pr('acme/d'))).toBeUndefined();
  });

  it('knows a run on the default branch', () => {
    const payload = { repository: { default_branch: 'trunk' } };
    expect(onDefaultBranch('push', 'refs/heads/trunk', payload)).toBe(true);
    expect(onDefaultBranch('schedule', 'refs/heads/trunk', payload)).toBe(true);
    expect(onDefaultBranch('push', 'refs/heads/feature', payload)).toBe(false);
    expect(onDefaultBranch('pull_request', 'refs/heads/trunk', payload)).toBe(false);
    expect(onDefaultBranch('push', 'refs/heads/trunk', {})).toBe(false);
  });
});
