/**
 * What the triggering event says about a pull request, read from the event payload (GITHUB_EVENT_PATH),
 * as `@actions/github`'s context reads it. Pure functions of (event name, payload), tested without a runner.
 */

export interface PullRequestInfo {
  number: number;
  /** The branch the pull request merges into. */
  baseRef: string;
  /**
   * From a fork, on a `pull_request` event: GitHub gives such a job a read-only token (and no secrets),
   * so it cannot comment. (`pull_request_target` runs with the base repository's token.)
   */
  readOnlyFork: boolean;
}

type Payload = Record<string, any>;

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

export function isPullRequestEvent(eventName: string | undefined): boolean {
  return eventName !== undefined && PULL_REQUEST_EVENTS.has(eventName);
}

export function pullRequestOf(eventName: string | undefined, payload: Payload): PullRequestInfo | undefined {
  if (!isPullRequestEvent(eventName)) return undefined;
  const pr = payload['pull_request'];
  if (!pr || typeof pr.number !== 'number') return undefined;
  const baseRepo = pr.base?.repo?.full_name;
  const headRepo = pr.head?.repo?.full_name;
  // A deleted fork has no head repository any more: still a fork.
  const fork = headRepo === undefined || headRepo === null || headRepo !== baseRepo;
  return { number: pr.number, baseRef: String(pr.base?.ref ?? ''), readOnlyFork: eventName === 'pull_request' && fork };
}

/** A run on the repository's default branch (push, schedule, workflow_dispatch ...), whose data is the base of later pull requests. */
export function onDefaultBranch(eventName: string | undefined, ref: string | undefined, payload: Payload): boolean {
  if (isPullRequestEvent(eventName)) return false;
  const branch = payload['repository']?.default_branch;
  return typeof branch === 'string' && branch !== '' && ref === `refs/heads/${branch}`;
}
