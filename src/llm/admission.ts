/**
 * Request admission (AIMD) per (provider endpoint, model), after Data Designer's request_admission, with
 * a TCP-style reading of 429s (a deliberate deviation, see docs/llm.md):
 * - the limit starts at max_parallel_requests; a 429 cuts it to max(1, floor(limit × factor)) — at most
 *   once per cooldown window, and never for a request admitted before the last cut (its 429 reflects the
 *   old limit, which has already been cut);
 * - only a cut pauses the whole endpoint, for min(Retry-After, cooldown_seconds); a 429 that does not
 *   cut delays only its own request's retry (by its Retry-After, in withRetries);
 * - the limit grows by `additive_increase_step` per `successes_until_increase` successes since the last
 *   cut (counted, not consecutive: one 429 among many successes does not reset the count), and four
 *   times faster while it is below the limit the last cut came from (back to a level that held).
 * Data Designer cuts on every 429, blocks the endpoint for each, and needs consecutive successes to grow,
 * which with 10 % random 429s keeps the limit near 1 (bench/llm.ts measured 0.087 efficiency).
 *
 * Never stalls: the limit never drops below 1 and a pause always ends, so under a sustained 429 storm
 * one request at a time keeps probing after each pause, and the run finishes once the storm ends — or,
 * when the endpoint has answered nothing but 429s since `rateLimitedSince` for
 * run_config.rate_limit_stall_seconds, withRetries gives up (the stage fails, resumable).
 */
import { withSchemaDefaults } from '../config/defaults.js';
import { RequestAdmission } from '../config/schema.js';
import { LlmError } from './errors.js';
import type { RequestAdmissionLike } from './types.js';

export interface AdmissionSettings {
  maxParallel: number;
  decreaseFactor: number;
  increaseStep: number;
  successesUntilIncrease: number;
  cooldownMs: number;
  startupRampMs: number;
  /** Upper bound on a server's Retry-After, so a wild header cannot park a request for hours. */
  maxRetryAfterMs: number;
}

export function admissionSettings(maxParallel: number, ra: RequestAdmissionLike | null | undefined = undefined): AdmissionSettings {
  const r = withSchemaDefaults(RequestAdmission, ra ?? {});
  return {
    maxParallel: Math.max(1, Math.floor(maxParallel)),
    decreaseFactor: r.multiplicative_decrease_factor!,
    increaseStep: r.additive_increase_step!,
    successesUntilIncrease: r.successes_until_increase!,
    cooldownMs: r.cooldown_seconds! * 1000,
    startupRampMs: r.startup_ramp_seconds! * 1000,
    maxRetryAfterMs: 120_000,
  };
}

export type ReleaseOutcome = 'success' | 'rate_limited' | 'failure';

export interface Permit {
  release(outcome: ReleaseOutcome, retryAfterMs?: number): void;
}

export interface AdmissionStats {
  admitted: number;
  rateLimited: number;
  /** 429s that cut the limit (the others were ignored: admitted before a cut, or within a cooldown). */
  cuts: number;
  decreases: number;
  increases: number;
  minLimit: number;
  maxInFlight: number;
}

interface Waiter {
  grant: (p: Permit) => void;
  fail: (e: unknown) => void;
  signal?: AbortSignal;
}

/**
 * Below the limit the last cut came from, the limit grows this many times faster: that level was
 * sustained until one 429, so getting back to it is a recovery, not a probe (CUBIC's idea: return fast
 * to the last good window, probe carefully beyond it). bench/admission-sim.ts with 10 % random 429s:
 * 0.762 of the fault-free time at 1×, 0.810 at 2×, 0.821 at 4×; with (nearly) fixed permits 0.865.
 */
const RECOVERY_SPEEDUP = 4;

export class AdmissionController {
  readonly settings: AdmissionSettings;
  private limitValue: number;
  private inFlight = 0;
  private blockedUntil = 0;
  /** Successes since the last cut (or since the last increase). */
  private successes = 0;
  /** Incremented by every cut; a permit remembers the epoch it was admitted in. */
  private epoch = 0;
  private lastCutAt: number | null = null;
  /** The limit the last cut came from: below it the limit grows back faster (RECOVERY_SPEEDUP). */
  private cutFrom = 0;
  private readonly startedAt = Date.now();
  private readonly waiters: Waiter[] = [];
  /** When the current run of nothing but 429s began (null once anything else came back). */
  private rateLimitedSinceValue: number | null = null;
  private floorNoticeGiven = false;
  private timer: NodeJS.Timeout | null = null;
  readonly stats: AdmissionStats;

  constructor(settings: AdmissionSettings) {
    this.settings = settings;
    this.limitValue = settings.maxParallel;
    this.stats = { admitted: 0, rateLimited: 0, cuts: 0, decreases: 0, increases: 0, minLimit: settings.maxParallel, maxInFlight: 0 };
  }

  get limit(): number {
    return this.limitValue;
  }

  /** Epoch ms of the first 429 since the endpoint last answered anything else; null when it did. */
  get rateLimitedSince(): number | null {
    return this.rateLimitedSinceValue;
  }

  /** True once, the first time a 429 cut has left the limit at 1 (worth one log line). */
  takeFloorNotice(): boolean {
    if (this.floorNoticeGiven || this.stats.cuts === 0 || this.limitValue > 1) return false;
    this.floorNoticeGiven = true;
    return true;
  }

  /** The cap may only shrink (several aliases share one endpoint+model: the smallest wins). */
  lowerCap(maxParallel: number): void {
    const cap = Math.max(1, Math.floor(maxParallel));
    if (cap < this.settings.maxParallel) {
      this.settings.maxParallel = cap;
      this.limitValue = Math.min(this.limitValue, cap);
    }
  }

  private effectiveLimit(now: number): number {
    const ramp = this.settings.startupRampMs;
    const elapsed = now - this.startedAt;
    if (ramp <= 0 || elapsed >= ramp) return this.limitValue;
    return Math.min(this.limitValue, 1 + Math.floor((this.settings.maxParallel - 1) * (elapsed / ramp)));
  }

  acquire(signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(new LlmError('cancelled', 'The model call was cancelled.'));
    return new Promise<Permit>((resolve, reject) => {
      if (signal) this.watch(signal);
      this.waiters.push({ grant: resolve, fail: reject, signal });
      this.pump();
    });
  }

  /** Signals that already have this controller's abort listener. */
  private readonly watched = new WeakSet<AbortSignal>();

  /**
   * One abort listener per signal, not one per waiter: a stage passes the same signal with every call,
   * hundreds of calls wait here at once, and each add/remove of a listener walks the signal's whole
   * listener list (it was 0.08 ms per call in the profile of a 32-parallel stage). When the signal aborts,
   * every call still waiting with it is cancelled, in the order they came.
   */
  private watch(signal: AbortSignal): void {
    if (this.watched.has(signal)) return;
    this.watched.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        const cancelled = this.waiters.filter((w) => w.signal === signal);
        if (cancelled.length === 0) return;
        this.waiters.splice(0, this.waiters.length, ...this.waiters.filter((w) => w.signal !== signal));
        for (const w of cancelled) w.fail(new LlmError('cancelled', 'The model call was cancelled.'));
      },
      { once: true },
    );
  }

  private pump(): void {
    const now = Date.now();
    if (now < this.blockedUntil) return this.wakeAt(this.blockedUntil - now);
    const limit = this.effectiveLimit(now);
    while (this.waiters.length > 0 && this.inFlight < limit) {
      this.waiters.shift()!.grant(this.permit());
    }
    if (this.waiters.length > 0 && limit < this.limitValue) {
      // Still ramping up: look again when the next slot opens.
      this.wakeAt(Math.max(1, Math.ceil(this.settings.startupRampMs / Math.max(1, this.settings.maxParallel))));
    }
  }

  private wakeAt(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.pump();
    }, ms);
  }

  private permit(): Permit {
    this.inFlight++;
    this.stats.admitted++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    const epoch = this.epoch;
    let released = false;
    return {
      release: (outcome, retryAfterMs) => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.onOutcome(outcome, epoch, retryAfterMs);
        this.pump();
      },
    };
  }

  /** Whether a 429 of a request admitted in `epoch` cuts the limit now (see the file comment). */
  private shouldCut(epoch: number, now: number): boolean {
    if (epoch < this.epoch) return false;
    return this.lastCutAt === null || now - this.lastCutAt >= this.settings.cooldownMs;
  }

  private onOutcome(outcome: ReleaseOutcome, epoch: number, retryAfterMs: number | undefined): void {
    const now = Date.now();
    if (outcome !== 'rate_limited') this.rateLimitedSinceValue = null;
    if (outcome === 'rate_limited') {
      this.rateLimitedSinceValue ??= now;
      this.stats.rateLimited++;
      if (!this.shouldCut(epoch, now)) return;
      const next = Math.max(1, Math.floor(this.limitValue * this.settings.decreaseFactor));
      if (next < this.limitValue) this.stats.decreases++;
      this.stats.cuts++;
      this.cutFrom = this.limitValue;
      this.limitValue = next;
      this.stats.minLimit = Math.min(this.stats.minLimit, next);
      this.epoch++;
      this.lastCutAt = now;
      this.successes = 0;
      const pause = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, this.settings.cooldownMs) : this.settings.cooldownMs;
      this.blockedUntil = Math.max(this.blockedUntil, now + pause);
      return;
    }
    if (outcome === 'success') {
      this.successes++;
      const recovering = this.limitValue < this.cutFrom;
      const needed = recovering ? Math.max(1, Math.ceil(this.settings.successesUntilIncrease / RECOVERY_SPEEDUP)) : this.settings.successesUntilIncrease;
      if (this.successes >= needed) {
        this.successes = 0;
        const next = Math.min(this.settings.maxParallel, this.limitValue + this.settings.increaseStep);
        if (next > this.limitValue) this.stats.increases++;
        this.limitValue = next;
      }
    }
  }
}
