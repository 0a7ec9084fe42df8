/**
 * The catalogue MCP server (mcp-catalog.mjs) over HTTP on 127.0.0.1, with the official SDK's server
 * transports: streamable HTTP (`/mcp`, one session per client) or SSE (`GET /sse`, `POST /messages`).
 * With `apiKey`, a request without `Authorization: Bearer <apiKey>` gets a 401. Records the tool calls and
 * every request's Authorization header.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
// @ts-expect-error: a plain JavaScript module shared with the stdio server
import { catalogServer } from './mcp-catalog.mjs';

export interface McpHttpServer {
  url: string;
  calls: Array<{ tool: string; args: unknown }>;
  authorizations: string[];
  close(): Promise<void>;
}

export async function startMcpHttp(o: { transport: 'streamable_http' | 'sse'; apiKey?: string }): Promise<McpHttpServer> {
  const calls: McpHttpServer['calls'] = [];
  const authorizations: string[] = [];
  const onCall = (tool: string, args: unknown) => calls.push({ tool, args });
  const streams = new Map<string, StreamableHTTPServerTransport>();
  const sse = new Map<string, SSEServerTransport>();
  const servers: Array<{ close(): Promise<void> }> = [];

  const server = http.createServer(async (req, res) => {
    authorizations.push(String(req.headers.authorization ?? ''));
    if (o.apiKey && req.headers.authorization !== `Bearer ${o.apiKey}`) {
      res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized' }));
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (o.transport === 'streamable_http' && url.pathname === '/mcp') {
        const id = req.headers['mcp-session-id'];
        let transport = typeof id === 'string' ? streams.get(id) : undefined;
        if (!transport) {
          transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sid) => void streams.set(sid, transport!) });
          const mcp = catalogServer({ onCall });
          servers.push(mcp);
          await mcp.connect(transport);
        }
        await transport.handleRequest(req, res);
        return;
      }
      if (o.transport === 'sse' && req.method === 'GET' && url.pathname === '/sse') {
        const transport = new SSEServerTransport('/messages', res);
        sse.set(transport.sessionId, transport);
        const mcp = catalogServer({ onCall });
        servers.push(mcp);
        await mcp.connect(transport);
        return;
      }
      if (o.transport === 'sse' && req.method === 'POST' && url.pathname === '/messages') {
        const transport = sse.get(url.searchParams.get('sessionId') ?? '');
        if (!transport) {
          res.writeHead(404).end();
          return;
        }
        await transport.handlePostMessage(req, res);
        return;
      }
      res.writeHead(404).end();
    } catch (err) {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/${o.transport === 'sse' ? 'sse' : 'mcp'}`,
    calls,
    authorizations,
    async close() {
      await Promise.all(servers.map((s) => s.close().catch(() => undefined)));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
