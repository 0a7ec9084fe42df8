/**
 * The engine and the workflow runner log through this interface; the CLI prints to stderr, the Action
 * maps it onto @actions/core (groups, warnings). Nothing below src/cli and src/action writes to the console.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Starts a named section (a log group in Actions); `end()` closes it. */
  group?(title: string): { end(): void };
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

/** Collects messages: handy in tests that assert a warning was given. */
export function memoryLogger(): Logger & { lines: { level: 'info' | 'warn' | 'debug'; message: string }[] } {
  const lines: { level: 'info' | 'warn' | 'debug'; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
  };
}
