/**
 * Data Designer's AgentRolloutSeedReader (engine/resources/seed_reader.py) for ddflow: the trace files
 * of src/shared/agent-rollout-files.ts (the same list the fingerprint hashes), parsed by the format's
 * handler into normalized rows (types.ts). As in Data Designer, a file the handler cannot parse
 * (AgentRolloutSeedParseError, not UTF-8) is skipped with a warning, a file that cannot be read is an
 * error, matched files the format does not parse are skipped with a warning, and a seed that yields no
 * row is an error.
 */
import { DdflowError } from '../../diagnostics.js';
import { agentRolloutFiles, agentRolloutSideFiles, warnsUnhandledRolloutFile, type AgentRolloutSourceLike } from '../../shared/agent-rollout-files.js';
import { loadClaudeSessionIndex, parseClaudeCodeFile } from './claude-code.js';
import { parseCodexFile } from './codex.js';
import { parseAtifFile } from './atif.js';
import { loadHermesSessionIndex, parseHermesFile } from './hermes-agent.js';
import { parsePiFile } from './pi-coding-agent.js';
import { AgentRolloutParseError, type AgentRolloutRecord } from './types.js';

export { AGENT_ROLLOUT_COLUMNS, type AgentRolloutRecord } from './types.js';

type Warn = (message: string) => void;

/** Per attachment: the format's parse context (build_parse_context), then one parse per file. */
type FormatHandler = (root: string, source: AgentRolloutSourceLike, warn: Warn) => (relativePath: string) => AgentRolloutRecord[];

/** Data Designer's registry.py BUILTIN_AGENT_ROLLOUT_FORMAT_HANDLERS: every format has its handler. */
const HANDLERS: Record<AgentRolloutSourceLike['format'], FormatHandler> = {
  claude_code: (root, source, warn) => {
    const index = loadClaudeSessionIndex(agentRolloutSideFiles(source, root), warn);
    return (rel) => parseClaudeCodeFile(root, rel, index, warn);
  },
  codex: (root, _source, warn) => (rel) => parseCodexFile(root, rel, warn),
  atif: (root) => (rel) => parseAtifFile(root, rel),
  hermes_agent: (root, source, warn) => {
    const index = loadHermesSessionIndex(agentRolloutSideFiles(source, root), warn);
    return (rel) => parseHermesFile(root, rel, index, warn);
  },
  pi_coding_agent: (root, _source, warn) => (rel) => parsePiFile(root, rel, warn),
};


export interface AgentRolloutManifest {
  root: string;
  /** Relative paths of the trace files, sorted: Data Designer's manifest rows (what selection indexes). */
  files: string[];
}

/** build_manifest: the handled files; matched but unhandled ones are skipped with a warning. */
export function agentRolloutManifest(source: AgentRolloutSourceLike, baseDir: string, warn: Warn): AgentRolloutManifest {
  const { root, handled, unhandled } = agentRolloutFiles(source, baseDir);
  for (const rel of unhandled) if (warnsUnhandledRolloutFile(source.format, rel)) warn(`Skipping unhandled ${source.format} file ${rel}`);
  if (handled.length === 0) throw new DdflowError(`Seed source at ${root} did not produce any rows`);
  return { root, files: handled };
}

/** hydrate_row for each of `files` (relative to the manifest's root): the normalized rows, in file order. */
export function parseAgentRolloutFiles(source: AgentRolloutSourceLike, manifest: AgentRolloutManifest, files: readonly string[], warn: Warn): AgentRolloutRecord[] {
  const parse = HANDLERS[source.format](manifest.root, source, warn);
  const records: AgentRolloutRecord[] = [];
  for (const rel of files) {
    try {
      records.push(...parse(rel));
    } catch (err) {
      if (err instanceof AgentRolloutParseError) {
        warn(`Skipping malformed file ${rel}: ${err.message}`);
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code) throw new DdflowError(`Failed to read agent rollout file ${manifest.root}/${rel}: ${(err as Error).message}`, { cause: err });
      throw err;
    }
  }
  return records;
}
