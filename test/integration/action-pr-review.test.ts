/**
 * The pull-request review through the bundled Action (dist/index.js as a runner runs it), against the
 * loopback Actions cache/artifact emulator, the loopback GitHub REST emulator (issue comments, driven by
 * the real @actions/github Octokit client) and the fake OpenAI server:
 *
 * 1. a run on the default branch saves its stages and the base pointer `ddflow-tickets-latest-<sha>`;
 * 2. a pull request changing one prompt of the 3-stage workflow comments ONCE: the upstream stage
 *    unchanged, that stage and its descendant changed, the changed rows — and saves nothing (cache
 *    read-only by default on pull requests);
 * 3. a second push edits that comment instead of adding one;
 * 4. a pull request without changes says "No data changes";
 * 5. a fork's pull request (read-only token) does not try to comment: the job summary says why.
 * Needs `npm run bundle` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../support/github-api-emulator.js';
import { generationRequests, messageText, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep, type Job, type StepResult } from '../action/dist-step.js';

const DIST = path.join(ROOT, 'dist');
const REPO = 'acme/datasets';
const BASE_SHA = 'a'.repeat(40);
const MARKER = '<!-- ddflow:tickets -->';

let emulator: ActionsEmulator;
let github: GitHubApiEmulator;
let ai: FakeOpenAI;

function ticketsWorkflow(url: string, replyPrompt: string): string {
  return `name: tickets
seed: 7
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
run_config: {buffer_size: 4}
stages:
  - name: tickets
    num_records: 6
    config:
      columns:
        - {name: ticket, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: priority, column_type: sampler, sampler_type: category, params: {values: [low, high]}}
  - name: replies
    config:
      columns:
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "${replyPrompt}"}
  - name: digest
    config:
      columns:
        - {name: digest, column_type: expression, expr: "{{ priority }}: {{ reply | length }} characters"}
`;
}

const BASE_PROMPT = 'Answer ticket {{ ticket }}';

function eventFile(job: Job, payload: unknown): string {
  const file = path.join(job.root, 'event.json');
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

function pullRequest(number: number, headRepo = REPO): unknown {
  return { pull_request: { number, base: { ref: 'main', repo: { full_name: REPO } }, head: { ref: 'change', sha: 'c'.repeat(40), repo: { full_name: headRepo } } }, repository: { full_name: REPO, default_branch: 'main' } };
}

async function step(runId: string, prompt: string, event: { name: string; payload: unknown; ref: string; sha: string }, inputs: Record<string, string> = {}): Promise<StepResult & { job: Job }> {
  const job = newJob(ticketsWorkflow(ai.url, prompt));
  const r = await runStep('index', {
    job,
    inputs: { workflow: 'workflow.yml', upload: 'none', ...inputs },
    env: {
      ...emulator.env({ runId }),
      GITHUB_RUN_ID: runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: REPO,
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventFile(job, event.payload),
      GITHUB_REF: event.ref,
      GITHUB_SHA: event.sha,
      GITHUB_API_URL: github.url,
      FAKE_OPENAI_KEY: 'sk-fake-0123456789abcdef',
    },
  });
  return { ...r, job };
}

const prEvent = (number: number, headRepo?: string) => ({ name: 'pull_request', payload: pullRequest(number, headRepo), ref: `refs/pull/${number}/merge`, sha: 'b'.repeat(40) });

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  emulator = await startActionsEmulator();
  github = await startGitHubApiEmulator();
  // Answers echo the prompt, and carry text that must stay inert in a comment (a mention, a link, an image).
  ai = await startFakeOpenAI({ respond: (body) => `Re: ${messageText(body.messages.at(-1)!)} — cc @octocat, see ![x](https://evil.example/p.png)` });
});

afterAll(async () => {
  await ai?.close();
  await github?.close();
  await emulator?.close();
  removeJobs();
});

describe.sequential('the pull-request review through dist/index.js', () => {
  let firstCommentId = 0;

  it('a run on the default branch saves its stages and the base pointer', async () => {
    const r = await step('201', BASE_PROMPT, { name: 'push', payload: { repository: { full_name: REPO, default_branch: 'main' } }, ref: 'refs/heads/main', sha: BASE_SHA });
    expect(r.code, r.stdout).toBe(0);
    const keys = emulator.cacheEntries().map((e) => e.key);
    expect(keys).toContain(`ddflow-tickets-latest-${BASE_SHA}`);
    for (const name of ['tickets', 'replies', 'digest']) expect(keys.some((k) => k.startsWith(`ddflow-tickets-${name}-`))).toBe(true);
    // Not a pull request: nothing is asked of the GitHub API.
    expect(github.requests()).toEqual([]);
  });

  it('a pull request changing one prompt gets ONE comment: upstream unchanged, that stage and its descendant changed, changed rows; nothing is saved', async () => {
    const entriesBefore = emulator.cacheEntries().length;
    const r = await step('202', 'Please answer ticket {{ ticket }}', prEvent(7), { 'github-token': 'ghs-write-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(emulator.cacheEntries().length).toBe(entriesBefore);
    expect(r.stdout).toMatch(/cache: read-only, so ddflow-tickets-replies-\w+ is not saved/);
    const stages = JSON.parse(r.outputs['stages']!) as Array<{ name: string; cache: string }>;
    expect(stages.map((s) => s.cache), r.stdout.slice(0, 6000)).toEqual(['restored', 'miss', 'miss']);

    const comments = github.comments(REPO, 7);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    firstCommentId = comments[0]!.id;
    expect(body.startsWith(MARKER)).toBe(true);
    expect(body).toContain('## ddflow run: tickets');
    expect(body).toContain('**2 of 3 stages changed**: `replies`, `digest`; 1 unchanged.');
    expect(body).toContain(`Compared with the base run of commit \`${BASE_SHA.slice(0, 12)}\``);
    expect(body).toMatch(/\| tickets \| unchanged \(same fingerprint as the base, so the same data; not read\) \|/);
    expect(body).toMatch(/\| replies \| changed \| 6 → 6 \| same \| 6 of 6 \|/);
    expect(body).toMatch(/\| digest \| changed \| 6 → 6 \| same \| 6 of 6 \|/);
    // The plan table, with the run's decisions.
    expect(body).toContain('### Plan');
    expect(body).toContain('| stage | decision | fingerprint | rows | calls | cost | reason |');
    expect(body).toMatch(/\| tickets \| restore \|/);
    // Drift per column: the reply text (lengths), the digest's categories (new and vanished values).
    expect(body).toMatch(/- `reply` \(text\): 6 of 6 rows changed \(100%\); length mean [\d.]+ → [\d.]+/);
    expect(body).toMatch(/- `digest` \(categorical\): 6 of 6 rows changed \(100%\); new values: "(high|low): \d+ characters"/);
    // Changed rows, collapsed, base and current side by side.
    expect(body).toContain('<details><summary>Changed rows (3 of 6, matched by record index)</summary>');
    expect(body).toMatch(/\| 0 \| reply \| Re: Answer ticket [0-9a-f-]+ — cc `@octocat`, see !\[x\\\]\(`https:\/\/evil\.example\/p\.png`\) \| Re: Please answer ticket/);
    // Neutralised like the job summary: no live mention, link or image.
    expect(body).not.toMatch(/(?<!`)@octocat/);
    expect(body).not.toContain('![x](https://');
    expect(body.length).toBeLessThanOrEqual(65536);
    // The job summary holds the report too.
    expect(r.summary).toContain('**2 of 3 stages changed**');
    expect(r.stdout).toMatch(/Created the pull-request comment https:\/\/github\.com\/acme\/datasets\/pull\/7#issuecomment-\d+ \(pull request #7\)/);
    // The token is masked.
    expect(r.stdout).toContain('::add-mask::ghs-write-token');
  });

  it('a second push edits that comment instead of adding one', async () => {
    const before = github.requests().length;
    const r = await step('203', 'Kindly answer ticket {{ ticket }}', prEvent(7), { 'github-token': 'ghs-write-token' });
    expect(r.code, r.stdout).toBe(0);
    const comments = github.comments(REPO, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(firstCommentId);
    expect(comments[0]!.body).toContain('Re: Kindly answer ticket');
    expect(comments[0]!.body).not.toContain('Re: Please answer ticket');
    const made = github.requests().slice(before);
    expect(made).toEqual(['GET /repos/acme/datasets/issues/7/comments', `PATCH /repos/acme/datasets/issues/comments/${firstCommentId}`]);
  });

  // A push whose run failed left the comment describing the push before it.
  it('a push whose run fails edits the comment to say so, instead of leaving the earlier data changes', async () => {
    const r = await step('2031', 'Answer ticket {{ ticket.nope.deeper }}', prEvent(7), { 'github-token': 'ghs-write-token' });
    expect(r.code).toBe(1);
    const comments = github.comments(REPO, 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(firstCommentId);
    const body = comments[0]!.body;
    expect(body).toContain('## ddflow run: tickets (❌ failed)');
    expect(body).toMatch(/The run failed for commit `cccccccccccc` at stage `replies`: /);
    expect(body).toContain('No data changes are shown until a run finishes');
    expect(body).not.toContain('Re: Kindly answer ticket');
  });

  it('a pull request without data changes says "No data changes"', async () => {
    const r = await step('204', BASE_PROMPT, prEvent(8), { 'github-token': 'ghs-write-token' });
    expect(r.code, r.stdout).toBe(0);
    const comments = github.comments(REPO, 8);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('**No data changes**: every stage holds the same data as the base.');
    expect(comments[0]!.body).not.toContain('Changed rows');
  });

  it("a fork's pull request does not try to comment; the job summary says why", async () => {
    const before = github.requests().length;
    const r = await step('205', 'Please answer ticket {{ ticket }}', prEvent(9, 'forker/datasets'), { 'github-token': 'ghs-read-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(github.requests().slice(before)).toEqual([]);
    expect(github.comments(REPO, 9)).toEqual([]);
    expect(r.summary).toContain('This pull request comes from a fork, whose token is read-only: the report is in this job summary instead of a pull-request comment.');
    expect(r.summary).toContain('**2 of 3 stages changed**');
  });

  it('a preview compares its few records with the base\'s first ones; answers the base run saved cost no call', async () => {
    const calls = generationRequests(ai).length;
    const same = await step('207', BASE_PROMPT, prEvent(12), { command: 'preview', 'num-records': '3', 'github-token': 'ghs-write-token' });
    expect(same.code, same.stdout).toBe(0);
    expect(generationRequests(ai).length).toBe(calls);
    const quiet = github.comments(REPO, 12)[0]!.body;
    expect(quiet).toContain('## ddflow preview: tickets');
    expect(quiet).toContain('**No data changes**');
    expect(quiet).toContain('(its first 3 records of each stage, as many as this preview has)');

    const changed = await step('208', 'Please answer ticket {{ ticket }}', prEvent(13), { command: 'preview', 'num-records': '3', 'github-token': 'ghs-write-token' });
    expect(changed.code, changed.stdout).toBe(0);
    // Only the changed prompt's 3 records were asked for.
    expect(generationRequests(ai).length).toBe(calls + 3);
    const body = github.comments(REPO, 13)[0]!.body;
    expect(body).toContain('**2 of 3 stages changed**: `replies`, `digest`; 1 unchanged.');
    expect(body).toMatch(/\| replies \| changed \| 3 → 3 \| same \| 3 of 3 \|/);
  });

  it('plan compares fingerprints with the base (no data, no model call); with no base found it says so and shows the plan only', async () => {
    const calls = generationRequests(ai).length;
    const planned = await step('209', 'Please answer ticket {{ ticket }}', prEvent(14), { command: 'plan', 'github-token': 'ghs-write-token' });
    expect(planned.code, planned.stdout).toBe(0);
    const body = github.comments(REPO, 14)[0]!.body;
    expect(body).toContain('## ddflow plan: tickets');
    expect(body).toContain('**2 of 3 stages changed**: `replies`, `digest`; 1 unchanged.');
    expect(body).toMatch(/\| replies \| not compared \(other inputs than the base; a plan generates no data to compare\) \|/);
    expect(body).toMatch(/\| tickets \| restore \|/);

    const orphan = await step('210', 'Please answer ticket {{ ticket }}', prEvent(15), { command: 'plan', 'cache-key-prefix': 'fresh', 'github-token': 'ghs-write-token' });
    expect(orphan.code, orphan.stdout).toBe(0);
    const lonely = github.comments(REPO, 15)[0]!.body;
    expect(lonely).toContain('No base run was found (no `fresh-tickets-latest-<sha>` entry in the cache');
    expect(lonely).toContain('### Plan');
    expect(lonely).not.toContain('Data changes against the base');
    expect(generationRequests(ai).length).toBe(calls);
  });

  it('a token that may not write comments is a warning, not a failure', async () => {
    const r = await step('206', 'Please answer ticket {{ ticket }}', prEvent(10), { 'github-token': 'ghs-read-token' });
    expect(r.code, r.stdout).toBe(0);
    expect(github.comments(REPO, 10)).toEqual([]);
    expect(r.stdout).toMatch(/::warning::The pull-request comment could not be written \(HTTP 403: Resource not accessible by integration/);
    expect(r.summary).toContain('permissions: pull-requests: write');
  });
});
