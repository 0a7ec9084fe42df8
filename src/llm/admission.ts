/**
 * Request admission (AIMD) per (provider endpoint, model), as Data Designer's request_admission:
 * the limit starts at max_parallel_requests; a 429 cuts it to max(1, floor(limit × factor)) and blocks new
 * requests for Retry-After (or cooldown_seconds); after `successes_until_increase` consecutive successes
 * outside a cooldown it grows by `additive_increase_step`, up to the cap.
 *
 * Never stalls: the limit never drops below 1 and a cooldown always ends, so under a sustained 429 storm
 * one request at a time keeps probing after each cooldown, and the run finishes once the storm ends.
 * A burst of 429s from requests admitted under a higher limit cuts once, not once per request.
 */
import { LlmError } from './errors.js';
import type { RequestAdmissionLike } from './types.js';

export interface AdmissionSettings {
  maxParallel: number;
  decreaseFactor: number;
  increaseStep: number;
  successesUntilIncrease: number;
  cooldownMs: number;
  startupRampMs: number;
  /** Upper bound on a server's Retry-After, so a wild header cannot park a run for hours. */
  maxRetryAfterMs: number;
}

export function admissionSettings(maxParallel: number, ra: RequestAdmissionLike | null | undefined = undefined): AdmissionSettings {
  return {
    maxParallel: Math.max(1, Math.floor(maxParallel)),
    decreaseFactor: ra?.multiplicative_decrease_factor ?? 0.75,
    increaseStep: ra?.additive_increase_step ?? 1,
    successesUntilIncrease: ra?.successes_until_increase ?? 25,
    cooldownMs: (ra?.cooldown_seconds ?? 2.0) * 1000,
    startupRampMs: (ra?.startup_ramp_seconds ?? 0) * 1000,
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
  decreases: number;
  increases: number;
  minLimit: number;
  maxInFlight: number;
}

interface Waiter {
  grant: (p: Permit) => void;
  fail: (e: unknown) => void;
  cleanup: () => void;
}

export class AdmissionController {
  readonly settings: AdmissionSettings;
  private limitValue: number;
  private inFlight = 0;
  private blockedUntil = 0;
  private streak = 0;
  private readonly startedAt = Date.now();
  private readonly waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | null = null;
  readonly stats: AdmissionStats;

  constructor(settings: AdmissionSettings) {
    this.settings = settings;
    this.limitValue = settings.maxParallel;
    this.stats = { admitted: 0, rateLimited: 0, decreases: 0, increases: 0, minLimit: settings.maxParallel, maxInFlight: 0 };
  }

  get limit(): number {
    return this.limitValue;
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
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new LlmError('cancelled', 'The model call was cancelled.'));
      };
      const waiter: Waiter = { grant: resolve, fail: reject, cleanup: () => signal?.removeEventListener('abort', onAbort) };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private pump(): void {
    const now = Date.now();
    if (now < this.blockedUntil) return this.wakeAt(this.blockedUntil - now);
    const limit = this.effectiveLimit(now);
    while (this.waiters.length > 0 && this.inFlight < limit) {
      const w = this.waiters.shift()!;
      w.cleanup();
      w.grant(this.permit());
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
    const admittedLimit = this.limitValue;
    let released = false;
    return {
      release: (outcome, retryAfterMs) => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.onOutcome(outcome, admittedLimit, retryAfterMs);
        this.pump();
      },
    };
  }

  private onOutcome(outcome: ReleaseOutcome, admittedLimit: number, retryAfterMs: number | undefined): void {
    const now = Date.now();
    if (outcome === 'rate_limited') {
      this.stats.rateLimited++;
      const cooldown = retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, this.settings.maxRetryAfterMs) : this.settings.cooldownMs;
      this.blockedUntil = Math.max(this.blockedUntil, now + cooldown);
      this.streak = 0;
      if (admittedLimit <= this.limitValue) {
        const next = Math.max(1, Math.floor(this.limitValue * this.settings.decreaseFactor));
        if (next < this.limitValue) this.stats.decreases++;
        this.limitValue = next;
        this.stats.minLimit = Math.min(this.stats.minLimit, next);
      }
      return;
    }
    if (outcome === 'success' && now >= this.blockedUntil) {
      this.streak++;
      if (this.streak >= this.settings.successesUntilIncrease) {
        this.streak = 0;
        const next = Math.min(this.settings.maxParallel, this.limitValue + this.settings.increaseStep);
        if (next > this.limitValue) this.stats.increases++;
        this.limitValue = next;
      }
    }
  }
}
