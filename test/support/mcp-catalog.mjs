// The tools of the MCP servers the tests (and examples/mcp) run: a small product catalogue, written with
// the official SDK's McpServer. Plain JavaScript so that a stdio server can be started with `node` alone.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

/** A 1×1 PNG (the same pixel the fake OpenAI server draws). */
export const PIXEL_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

/** A price that depends only on the product's name (so a rerun gets the same tool results). */
export function priceOf(product) {
  let h = 0;
  for (const ch of String(product)) h = (h * 31 + ch.codePointAt(0)) % 9973;
  return 10 + (h % 90);
}

/**
 * A catalogue server. `onCall(name, args)` is told every tool call (tests count them); `name` is the
 * server's name (two providers can then be told apart).
 */
export function catalogServer({ name = 'catalog', onCall = () => {}, extraTools = [] } = {}) {
  const server = new McpServer({ name, version: '1.0.0' });
  server.registerTool(
    'lookup_price',
    { description: 'Price of a product in US dollars.', inputSchema: { product: z.string().describe('Product name') } },
    async ({ product }) => {
      onCall('lookup_price', { product });
      // MCP_PRICE_OFFSET: a server whose answers changed (a test of what the call store replays).
      return { content: [{ type: 'text', text: `The price of ${product} is $${priceOf(product) + Number(process.env.MCP_PRICE_OFFSET ?? 0)}.` }] };
    },
  );
  server.registerTool(
    'stock_level',
    { description: 'Units of a product in stock.', inputSchema: { product: z.string() } },
    async ({ product }) => {
      onCall('stock_level', { product });
      return { content: [{ type: 'text', text: `${product}: ${priceOf(product) % 7} in stock` }, { type: 'text', text: 'warehouse: north' }] };
    },
  );
  server.registerTool('warehouse_status', { description: 'Always fails: the warehouse system is offline.' }, async () => {
    onCall('warehouse_status', {});
    return { isError: true, content: [{ type: 'text', text: 'warehouse system offline' }] };
  });
  server.registerTool('product_photo', { description: 'A photo of the product.', inputSchema: { product: z.string() } }, async ({ product }) => {
    onCall('product_photo', { product });
    return { content: [{ type: 'text', text: `photo of ${product}` }, { type: 'image', data: PIXEL_PNG_BASE64, mimeType: 'image/png' }] };
  });
  server.registerTool('slow_lookup', { description: 'Answers after `ms` milliseconds.', inputSchema: { ms: z.number() } }, async ({ ms }) => {
    onCall('slow_lookup', { ms });
    await new Promise((r) => setTimeout(r, Math.min(ms, 30_000)));
    return { content: [{ type: 'text', text: `slept ${ms} ms` }] };
  });
  server.registerTool('whoami', { description: 'Echoes the token the server was given (a careless server).' }, async () => {
    onCall('whoami', {});
    return { content: [{ type: 'text', text: `signed in with token ${process.env.DDFLOW_TEST_MCP_SECRET ?? 'none'}` }] };
  });
  for (const t of extraTools) server.registerTool(t.name, { description: t.description ?? '' }, async () => {
    onCall(t.name, {});
    return { content: [{ type: 'text', text: t.text ?? t.name }] };
  });
  return server;
}
