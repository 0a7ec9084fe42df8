#!/usr/bin/env node
// The catalogue MCP server over stdio (test/support/mcp-catalog.mjs). Every tool call is appended as one
// JSON line to $MCP_CALL_LOG when it is set, so a test can count what ran. `--name x` names the server;
// `--extra-tool name` adds a tool answering its own name (two providers with one tool name).
import { appendFileSync } from 'node:fs';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { catalogServer } from './mcp-catalog.mjs';

const arg = (flag) => {
  const i = process.argv.indexOf(flag);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const log = process.env.MCP_CALL_LOG;
const name = arg('--name') ?? 'catalog';
const extra = arg('--extra-tool');
if (process.env.MCP_FAIL_AT_START) {
  process.stderr.write(`catalog server: cannot open the product database${process.env.DDFLOW_TEST_MCP_SECRET ? ` with token ${process.env.DDFLOW_TEST_MCP_SECRET}` : ''}\n`);
  process.exit(3);
}
const server = catalogServer({
  name,
  onCall: (tool, args) => {
    if (log) appendFileSync(log, `${JSON.stringify({ server: name, tool, args, secret: process.env.DDFLOW_TEST_MCP_SECRET ?? null, leaked: process.env.DDFLOW_TEST_LLM_KEY ?? null })}\n`);
  },
  // MCP_BIG_TOOL_BYTES: a tool `big` whose answer is that many characters (a message over the SDK's 10 MiB default).
  extraTools: [...(extra ? [{ name: extra }] : []), ...(process.env.MCP_BIG_TOOL_BYTES ? [{ name: 'big', text: 'x'.repeat(Number(process.env.MCP_BIG_TOOL_BYTES)) }] : [])],
});
await server.connect(new StdioServerTransport());
