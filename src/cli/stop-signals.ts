/**
 * Ctrl-C / SIGTERM while a command runs stages: the first signal aborts the run (in-flight work is
 * abandoned, completed row groups kept) and the command exits with the signal's code; later ones are
 * ignored while it stops.
 */
export interface StopSignals {
  readonly signal: AbortSignal;
  /** The signal received, if any. */
  readonly received: NodeJS.Signals | undefined;
  /** 130 after SIGINT, 143 after SIGTERM, else `otherwise`. */
  exitCode(otherwise: number): number;
  /** Stops listening (in the command's `finally`). */
  release(): void;
}

export function onStopSignals(onFirst: (sig: NodeJS.Signals) => void): StopSignals {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const handler = (sig: NodeJS.Signals) => {
    if (received) return;
    received = sig;
    onFirst(sig);
    controller.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    get received() {
      return received;
    },
    exitCode: (otherwise) => (received === 'SIGINT' ? 130 : received === 'SIGTERM' ? 143 : otherwise),
    release: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
