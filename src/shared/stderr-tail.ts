/**
 * The last lines of a command's stderr as ONE line (joined with " | "), for an error message that must
 * stay one line in the CLI, the metadata `error` and the Action log: up to 5 non-empty lines, and at most
 * 1000 characters, keeping the end (where the cause usually is).
 */
export function stderrTail(stderr: string, maxLines = 5, maxChars = 1000): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-maxLines);
  const text = lines.join(' | ');
  return text.length > maxChars ? `…${text.slice(-(maxChars - 1))}` : text;
}
