/**
 * A loopback stand-in for the Hugging Face Hub's HTTP API (what huggingface_hub's HfFileSystem calls, and
 * src/data/hf-hub.ts with it): revision → commit sha, the recursive file tree of a commit (paginated with a
 * Link header, as the Hub does), and file downloads by commit. Datasets are published as commits of
 * in-memory files; every request is recorded (with whether it carried the expected token) so tests can
 * count downloads and check that the token went only where it should.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

interface Commit {
  sha: string;
  files: Map<string, Buffer>;
}

export interface FakeHfHubOptions {
  /** When set, every request must carry `Authorization: Bearer <token>` (a private dataset); others get 401. */
  token?: string;
  /** Tree entries per page (default 2, so pagination is exercised). */
  pageSize?: number;
}

export class FakeHfHub {
  readonly requests: HubRequest[] = [];
  private readonly server: http.Server;
  private readonly repos = new Map<string, { branches: Map<string, string>; commits: Map<string, Commit> }>();
  private commitCount = 0;

  private constructor(private readonly options: FakeHfHubOptions) {
    this.server = http.createServer((req, res) => this.handle(req, res));
  }

  static async start(options: FakeHfHubOptions = {}): Promise<FakeHfHub> {
    const hub = new FakeHfHub(options);
    await new Promise<void>((resolve) => hub.server.listen(0, '127.0.0.1', resolve));
    return hub;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Publishes `files` as a new commit of `repo` on `branch` (default main); returns the commit sha. */
  publish(repo: string, files: Record<string, Buffer | string>, branch = 'main'): string {
    let r = this.repos.get(repo);
    if (!r) {
      r = { branches: new Map(), commits: new Map() };
      this.repos.set(repo, r);
    }
    const sha = createHash('sha1').update(`${repo}:${++this.commitCount}:${JSON.stringify(Object.keys(files))}`).digest('hex');
    r.commits.set(sha, { sha, files: new Map(Object.entries(files).map(([p, c]) => [p, Buffer.isBuffer(c) ? c : Buffer.from(c)])) });
    r.branches.set(branch, sha);
    return sha;
  }

  downloads(): HubRequest[] {
    return this.requests.filter((r) => r.path.includes('/resolve/'));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname + url.search, authorization: req.headers.authorization });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
      res.writeHead(status, { 'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json', 'content-length': String(buf.length), ...headers });
      res.end(buf);
    };
    if (this.options.token && req.headers.authorization !== `Bearer ${this.options.token}`) return send(401, { error: 'Invalid credentials' });

    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    // /api/datasets/{org}/{repo}/revision/{rev}
    if (parts[0] === 'api' && parts[1] === 'datasets' && parts[4] === 'revision') {
      const r = this.repos.get(`${parts[2]}/${parts[3]}`);
      const rev = parts.slice(5).join('/');
      const sha = r?.branches.get(rev) ?? (r?.commits.has(rev) ? rev : undefined);
      if (!r || !sha) return send(404, { error: 'Revision Not Found' });
      return send(200, { id: `${parts[2]}/${parts[3]}`, sha });
    }
    // /api/datasets/{org}/{repo}/tree/{sha}[/{path}]?recursive=true&cursor=N
    if (parts[0] === 'api' && parts[1] === 'datasets' && parts[4] === 'tree') {
      const commit = this.repos.get(`${parts[2]}/${parts[3]}`)?.commits.get(parts[5] ?? '');
      if (!commit) return send(404, { error: 'Revision Not Found' });
      const entries: unknown[] = [];
      const dirs = new Set<string>();
      for (const [p, content] of [...commit.files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const segs = p.split('/');
        for (let i = 1; i < segs.length; i++) dirs.add(segs.slice(0, i).join('/'));
        const oid = createHash('sha1').update(content).digest('hex');
        const lfs = p.endsWith('.parquet') ? { lfs: { oid: createHash('sha256').update(content).digest('hex'), size: content.length, pointerSize: 134 } } : {};
        entries.push({ type: 'file', oid, size: p.endsWith('.parquet') ? 134 : content.length, path: p, ...lfs });
      }
      for (const d of [...dirs].sort()) entries.push({ type: 'directory', oid: 'd'.repeat(40), size: 0, path: d });
      const size = this.options.pageSize ?? 2;
      const cursor = Number(url.searchParams.get('cursor') ?? 0);
      const page = entries.slice(cursor, cursor + size);
      const headers: Record<string, string> = {};
      if (cursor + size < entries.length) {
        const next = new URL(url.toString());
        next.searchParams.set('cursor', String(cursor + size));
        headers.link = `<${this.url}${next.pathname}${next.search}>; rel="next"`;
      }
      return send(200, page, headers);
    }
    // /datasets/{org}/{repo}/resolve/{sha}/{path}
    if (parts[0] === 'datasets' && parts[3] === 'resolve') {
      const commit = this.repos.get(`${parts[1]}/${parts[2]}`)?.commits.get(parts[4] ?? '');
      const content = commit?.files.get(parts.slice(5).join('/'));
      if (!content) return send(404, { error: 'Entry not found' });
      return send(200, content);
    }
    send(404, { error: 'Not Found' });
  }
}
