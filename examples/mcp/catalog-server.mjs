#!/usr/bin/env node
// A small MCP server over stdio, written with the official SDK (@modelcontextprotocol/sdk, installed with
// ddflow): a product catalogue with two tools. ddflow starts it once per run (`mcp_providers` in
// workflow.yml) and stops it at the end; the model calls its tools while it writes each answer.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

const CATALOGUE = {
  tent: { price: 249, stock: 12 },
  stove: { price: 89, stock: 0 },
  kayak: { price: 1199, stock: 3 },
  headlamp: { price: 39, stock: 57 },
};
const find = (product) => CATALOGUE[String(product).toLowerCase().trim()];

const server = new McpServer({ name: 'catalog', version: '1.0.0' });
server.registerTool(
  'lookup_price',
  { description: 'Price of a product in US dollars.', inputSchema: { product: z.string().describe('Product name, e.g. tent') } },
  async ({ product }) => {
    const item = find(product);
    if (!item) return { isError: true, content: [{ type: 'text', text: `No product named '${product}'.` }] };
    return { content: [{ type: 'text', text: `${product}: $${item.price}` }] };
  },
);
server.registerTool(
  'stock_level',
  { description: 'Units of a product in stock.', inputSchema: { product: z.string().describe('Product name, e.g. tent') } },
  async ({ product }) => {
    const item = find(product);
    if (!item) return { isError: true, content: [{ type: 'text', text: `No product named '${product}'.` }] };
    return { content: [{ type: 'text', text: item.stock > 0 ? `${product}: ${item.stock} in stock` : `${product}: out of stock` }] };
  },
);
await server.connect(new StdioServerTransport());
