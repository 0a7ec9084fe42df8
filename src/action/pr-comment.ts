/**
 * One comment per workflow per pull request, found by a hidden marker and edited in place on every
 * later run, through `@actions/github` (Octokit). GitHub refuses comment bodies over 65,536 characters,
 * so the body is cut (at a line) with a note saying where the whole report is.
 */
import { getOctokit } from '@actions/github';

/** GitHub's limit on a comment body, in characters. */
export const COMMENT_LIMIT = 65536;

export function commentMarker(workflow: string): string {
  return `<!-- ddflow:${workflow} -->`;
}

export function commentCutNote(where: string): string {
  return `\n\n_This comment was cut to stay under GitHub's 65,536-character limit; ${where}._\n`;
}

/** `body` cut at a line boundary so that it and `note` fit `limit` characters; an open `<details>` is closed. */
export function capComment(body: string, note: string, limit = COMMENT_LIMIT): string {
  if (body.length <= limit) return body;
  let cut = body.slice(0, Math.max(0, limit - note.length - 40));
  const nl = cut.lastIndexOf('\n');
  cut = nl > 0 ? cut.slice(0, nl) : '';
  const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
  return `${cut}${open > 0 ? '\n\n</details>'.repeat(open) : ''}${note}`;
}

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface PostedComment {
  id: number;
  url?: string;
  action: 'created' | 'updated';
}

interface ListedComment {
  id: number;
  body?: string | null;
  user?: { type?: string } | null;
}

/**
 * Creates the comment marked `marker`, or edits the one that exists (a comment by a bot account is
 * preferred, so that a person quoting the marker is never edited). Throws Octokit's errors.
 */
export async function upsertComment(token: string, target: CommentTarget, marker: string, body: string): Promise<PostedComment> {
  // baseUrl defaults to GITHUB_API_URL (GitHub Enterprise, and the tests' loopback emulator).
  const octokit = getOctokit(token);
  const params = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 };
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, params)) as ListedComment[];
  // ddflow's comment starts with the marker; a person quoting it elsewhere in a comment is not edited.
  // A bot's first (the Actions token); else one a personal token wrote, which is a user's.
  const marked = comments.filter((c) => (c.body ?? '').startsWith(marker));
  const mine = marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
  if (mine) {
    const r = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
    return { id: r.data.id, url: r.data.html_url, action: 'updated' };
  }
  const r = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body });
  return { id: r.data.id, url: r.data.html_url, action: 'created' };
}
