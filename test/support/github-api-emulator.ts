/**
 * A loopback emulator of the GitHub REST endpoints ddflow's pull-request comment uses, so the real
 * `@actions/github` client (Octokit) runs unmodified against it (point it here with GITHUB_API_URL):
 *
 * - `GET    /repos/{owner}/{repo}/issues/{n}/comments`   list (paginated: `per_page`, `page`, Link header)
 * - `POST   /repos/{owner}/{repo}/issues/{n}/comments`   create → 201
 * - `PATCH  /repos/{owner}/{repo}/issues/comments/{id}`  update → 200
 *
 * Tokens are checked like GitHub checks them: an unknown token is 401; a `read` token (a fork's
 * pull_request token) may list but gets 403 "Resource not accessible by integration" on writes.
 * Bodies over 65,536 characters are refused with 422, as GitHub does.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EmulatedComment {
  id: number;
  issue: number;
  repo: string;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
}

export interface GitHubApiEmulator {
  /** Base URL for GITHUB_API_URL, without a trailing slash. */
  url: string;
  comments(repo?: string, issue?: number): EmulatedComment[];
  /** Adds a comment as someone else would (a person quoting the marker, another bot). */
  addComment(repo: string, issue: number, body: string, user?: EmulatedComment['user']): EmulatedComment;
  /** Every request seen, as `METHOD /path`. */
  requests(): string[];
  close(): Promise<void>;
}

export interface GitHubApiEmulatorOptions {
  /** token → permission. Default `{ 'ghs-write-token': 'write', 'ghs-read-token': 'read' }`. */
  tokens?: Record<string, 'read' | 'write'>;
}

export const COMMENT_BODY_LIMIT = 65536;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString()));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

export async function startGitHubApiEmulator(options: GitHubApiEmulatorOptions = {}): Promise<GitHubApiEmulator> {
  const tokens = options.tokens ?? { 'ghs-write-token': 'write', 'ghs-read-token': 'read' };
  const comments: EmulatedComment[] = [];
  const seen: string[] = [];
  let nextId = 1001;
  let url = '';

  const json = (res: http.ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(value));
  };
  const view = (c: EmulatedComment) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    created_at: c.created_at,
    updated_at: c.updated_at,
    html_url: `https://github.com/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${url}/repos/${c.repo}/issues/${c.issue}`,
  });
  const add = (repo: string, issue: number, body: string, user: EmulatedComment['user']) => {
    const now = new Date().toISOString();
    const c: EmulatedComment = { id: nextId++, issue, repo, body, user, created_at: now, updated_at: now };
    comments.push(c);
    return c;
  };

  const server = http.createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    seen.push(`${req.method} ${u.pathname}`);
    const body = await readBody(req);
    const auth = req.headers['authorization'] ?? '';
    const token = /^(?:token|bearer)\s+(.+)$/i.exec(String(auth))?.[1];
    const permission = token ? tokens[token] : undefined;
    if (!permission) return json(res, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });

    const list = /^\/repos\/([^/]+\/[^/]+)\/issues\/(\d+)\/comments$/.exec(u.pathname);
    const one = /^\/repos\/([^/]+\/[^/]+)\/issues\/comments\/(\d+)$/.exec(u.pathname);
    const write = req.method === 'POST' || req.method === 'PATCH';
    if (write && permission !== 'write') return json(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/comments', status: '403' });
    let payload: { body?: unknown } = {};
    if (write) {
      try {
        payload = JSON.parse(body) as { body?: unknown };
      } catch {
        return json(res, 400, { message: 'Problems parsing JSON' });
      }
      if (typeof payload.body !== 'string' || payload.body.length === 0) return json(res, 422, { message: 'Validation Failed', errors: [{ field: 'body', code: 'missing_field' }] });
      if (payload.body.length > COMMENT_BODY_LIMIT) return json(res, 422, { message: 'Validation Failed', errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }] });
    }
    if (list && req.method === 'GET') {
      const [repo, issue] = [list[1]!, Number(list[2])];
      const all = comments.filter((c) => c.repo === repo && c.issue === issue);
      const perPage = Math.min(100, Number(u.searchParams.get('per_page') ?? 30));
      const page = Math.max(1, Number(u.searchParams.get('page') ?? 1));
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) headers['link'] = `<${url}${u.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return json(res, 200, slice.map(view), headers);
    }
    if (list && req.method === 'POST') {
      return json(res, 201, view(add(list[1]!, Number(list[2]), payload.body as string, { login: 'github-actions[bot]', type: 'Bot' })));
    }
    if (one && req.method === 'PATCH') {
      const c = comments.find((x) => x.repo === one[1] && x.id === Number(one[2]));
      if (!c) return json(res, 404, { message: 'Not Found' });
      c.body = payload.body as string;
      c.updated_at = new Date().toISOString();
      return json(res, 200, view(c));
    }
    return json(res, 404, { message: 'Not Found' });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    comments: (repo, issue) => comments.filter((c) => (repo === undefined || c.repo === repo) && (issue === undefined || c.issue === issue)).map((c) => ({ ...c })),
    addComment: (repo, issue, body, user = { login: 'octocat', type: 'User' }) => add(repo, issue, body, user),
    requests: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
