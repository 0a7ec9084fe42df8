/**
 * The per-call response store: every model answer keyed by a hash of what determines it (endpoint
 * identity and model — never the key —, the request body with the drawn parameters, the record index
 * and the attempt), so a re-run of a stage (an edited prompt in one column, a resume) pays only for the
 * calls whose key changed.
 *
 * Layout: `<dir>/calls-<time>-<pid>-<rand>.jsonl`, one segment per process, one `{"k":…,"v":…}` line per
 * answer, appended with a single write each (a crash tears at most the last line, which is skipped on
 * open). All segments are read into a Map on open. Compact, inspectable, and safe to cache as a directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';

/** `cost`: what the provider said the call cost (OpenRouter's `usage.cost`), when it said. */
export interface CachedCompletion {
  content: string | null;
  reasoning: string | null;
  /** The tools the model asked for (MCP tool use); absent when it asked for none. */
  tool_calls?: Array<{ id: string; name: string; arguments: string }>;
  usage: { prompt: number; completion: number; cost?: number };
}

export interface CachedEmbedding {
  embeddings: number[][];
  usage: { prompt: number; completion: number; cost?: number };
}

/** An image cell's answer: base64 images. */
export interface CachedImages {
  images: string[];
  usage: { prompt: number; completion: number };
}

export type CachedAnswer = CachedCompletion | CachedEmbedding | CachedImages;

/** What a closed batch brought into the store: answers and the tokens the provider billed for them. */
export interface BatchCollected {
  answered: number;
  failed: number;
  prompt_tokens: number;
  completion_tokens: number;
  /** The stage fingerprint of the round that collected it, when not the ticket's (the stage was edited meanwhile). */
  fingerprint?: string;
}

/** A provider batch submitted for a stage (batch mode): what a later run needs to poll and collect it. */
export interface BatchTicket {
  /** The provider's batch id. */
  id: string;
  /** The stage (name, fingerprint and the seed its rows are drawn with: the same requests). */
  stage: string;
  fingerprint: string;
  seed: number;
  alias: string;
  /** `/v1/chat/completions` or `/v1/embeddings`. */
  endpoint: string;
  input_file_id: string;
  requests: number;
  /** ISO time of submission. */
  submitted_at: string;
}

export interface CallKeyParts {
  identity: string;
  body: unknown;
  /**
   * The cell's column and its stage: two columns (or stages) that send the same request for the same
   * record are separate samples in Data Designer, not one answer shared.
   */
  cell: string;
  recordKey: string | number;
  attempt: number;
}

/** Canonical JSON (sorted keys) so that key order in a body never changes the hash. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function callKey(parts: CallKeyParts): string {
  return createHash('sha256').update(canonical({ v: 1, ...parts })).digest('hex');
}

export interface CallCacheStats {
  hits: number;
  misses: number;
  writes: number;
  entries: number;
}

export class CallCache {
  private readonly map = new Map<string, CachedAnswer>();
  private fd: number | null = null;
  readonly stats: CallCacheStats = { hits: 0, misses: 0, writes: 0, entries: 0 };

  private constructor(
    readonly dir: string | null,
    readonly enabled: boolean,
  ) {}

  /** Reads every segment in `dir` (created if missing). `enabled: false` is `--no-call-cache`: no reads, no writes. */
  static open(dir: string, options: { enabled?: boolean } = {}): CallCache {
    const enabled = options.enabled ?? true;
    const cache = new CallCache(dir, enabled);
    if (!enabled || !fs.existsSync(dir)) return cache;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/^calls-.*\.jsonl$/.test(name)) continue;
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          const rec = JSON.parse(line) as { k: string; v: CachedAnswer };
          if (typeof rec.k === 'string' && rec.v) cache.map.set(rec.k, rec.v);
        } catch {
          // A torn line (the process died mid-write): that answer is simply asked again.
        }
      }
    }
    cache.stats.entries = cache.map.size;
    return cache;
  }

  /**
   * Marks every call of a stage as answered by this store: `ddflow plan` then counts no model call for
   * the stage with that fingerprint and seed (a wiped or evicted stage whose answers were kept). Written
   * into the segment, so it travels with the store; `open` skips such lines (they have no `k`).
   */
  markStageAnswered(stage: string): void {
    this.append({ answered: stage });
  }

  /** The stages marked answered in the segments of `dir`, read without loading the answers. */
  static answeredStages(dir: string): Set<string> {
    const out = new Set<string>();
    if (!fs.existsSync(dir)) return out;
    for (const name of fs.readdirSync(dir)) {
      if (!/^calls-.*\.jsonl$/.test(name)) continue;
      for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        if (!line.startsWith('{"answered"')) continue;
        try {
          const rec = JSON.parse(line) as { answered?: unknown };
          if (typeof rec.answered === 'string') out.add(rec.answered);
        } catch {
          // a torn line
        }
      }
    }
    return out;
  }

  /**
   * Batch mode: a provider batch holding calls of a stage is noted in the segment, so it travels with
   * the store (the Action caches it) and a later run on a fresh machine polls it. `closeBatch` notes that
   * its answers were collected (or that it ended without them: its requests go into the next batch).
   */
  noteBatch(ticket: BatchTicket): void {
    this.append({ batch: ticket });
  }

  closeBatch(id: string, collected?: BatchCollected): void {
    this.append({ batch_closed: id, ...(collected ? { collected } : {}) });
  }

  /** The batches noted in the segments of `dir` and not closed, oldest first. */
  static openBatches(dir: string): BatchTicket[] {
    return CallCache.batches(dir).open;
  }

  /** Every batch noted in the segments of `dir`: those still open (oldest first), and what closed ones brought. */
  static batches(dir: string): { open: BatchTicket[]; closed: Array<{ ticket: BatchTicket; collected?: BatchCollected }> } {
    const open = new Map<string, BatchTicket>();
    const closed = new Map<string, BatchCollected | undefined>();
    if (!fs.existsSync(dir)) return { open: [], closed: [] };
    for (const name of fs.readdirSync(dir).sort()) {
      if (!/^calls-.*\.jsonl$/.test(name)) continue;
      for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        if (!line.startsWith('{"batch')) continue;
        try {
          const rec = JSON.parse(line) as { batch?: BatchTicket; batch_closed?: unknown; collected?: BatchCollected };
          if (rec.batch && typeof rec.batch.id === 'string') open.set(rec.batch.id, rec.batch);
          if (typeof rec.batch_closed === 'string') closed.set(rec.batch_closed, rec.collected);
        } catch {
          // a torn line
        }
      }
    }
    const byTime = (a: BatchTicket, b: BatchTicket) => (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : 0);
    return {
      open: [...open.values()].filter((t) => !closed.has(t.id)).sort(byTime),
      closed: [...open.values()].filter((t) => closed.has(t.id)).sort(byTime).map((ticket) => ({ ticket, collected: closed.get(ticket.id) })),
    };
  }

  /** A cache that stores nothing (for callers without an artifact directory). */
  static disabled(): CallCache {
    return new CallCache(null, false);
  }

  get(key: string): CachedAnswer | undefined {
    if (!this.enabled) return undefined;
    const v = this.map.get(key);
    if (v) this.stats.hits++;
    else this.stats.misses++;
    return v;
  }

  put(key: string, value: CachedAnswer): void {
    if (!this.enabled || !this.dir) return;
    this.map.set(key, value);
    this.stats.entries = this.map.size;
    this.append({ k: key, v: value });
    this.stats.writes++;
  }

  private append(record: object): void {
    if (!this.enabled || !this.dir) return;
    if (this.fd === null) {
      fs.mkdirSync(this.dir, { recursive: true });
      const name = `calls-${Date.now()}-${process.pid}-${randomBytes(3).toString('hex')}.jsonl`;
      this.fd = fs.openSync(path.join(this.dir, name), 'a');
    }
    fs.writeSync(this.fd, `${JSON.stringify(record)}\n`);
  }

  close(): void {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }
}
