import { describe, expect, it } from 'vitest';
import { BudgetExhaustedError, SpendBudget } from '../../src/llm/budget.js';
import { callCost, formatUsd, priceOf, reportedCost } from '../../src/llm/pricing.js';

const price = { input_per_million: 1_000_000, output_per_million: 1_000_000, source: 'workflow' as const }; // $1 a token

describe('SpendBudget', () => {
  it('reserves what is in flight; a request that fits once they are booked waits for them; one that never fits stops every later one', async () => {
    const b = new SpendBudget({ maxCostUsd: 30 });
    // 3 prompt characters = 1 token, completion at max_tokens 9: $10 reserved a request.
    const req = { identity: 'm', promptChars: 3, maxTokens: 9, price };
    const tick = () => new Promise((r) => setTimeout(r, 10));
    const r1 = await b.reserve(req);
    const r2 = await b.reserve(req);
    const r3 = await b.reserve(req);
    let state = 'waiting';
    const p4 = b.reserve(req);
    void p4.then(() => (state = 'sent'));
    await tick();
    expect(state).toBe('waiting');
    // $5 spent + $20 reserved + $10 > $30: it still waits.
    b.settle(r1, { identity: 'm', prompt: 1, completion: 4, usd: 5 });
    await tick();
    expect(state).toBe('waiting');
    // $10 spent + $10 reserved + $10 = $30: it fits.
    b.settle(r2, { identity: 'm', prompt: 1, completion: 4, usd: 5 });
    const r4 = await p4;
    expect(state).toBe('sent');
    // $10 spent + $20 reserved + $10 > $30, but without them it would fit: it waits.
    const p5 = b.reserve(req).then(
      () => 'sent',
      (e: unknown) => e,
    );
    b.settle(r3, { identity: 'm', prompt: 1, completion: 9, usd: 10 });
    b.settle(r4, { identity: 'm', prompt: 1, completion: 9, usd: 10 });
    // $30 spent: a request of $10 can never fit — refused, and so is every later one, however small.
    const fifth = await p5;
    expect(fifth).toBeInstanceOf(BudgetExhaustedError);
    expect((fifth as Error).message).toContain('$30.00 spent of the cost budget $30.00');
    expect(b.exhausted).toBe(true);
    await expect(b.reserve({ ...req, maxTokens: 0, promptChars: 0 })).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(b.spentUsd).toBe(30);
  });

  it('without limits nothing is checked', async () => {
    const b = new SpendBudget({});
    for (let i = 0; i < 5; i++) await b.reserve({ identity: 'm', promptChars: 3e6, maxTokens: 1e6, price });
    expect(b.exhausted).toBe(false);
  });
});

describe('prices', () => {
  it('dollars print with cents from $1 on and 3 significant digits below', () => {
    expect([0, 0.000000001, 0.0012345, 0.5, 1, 12.345].map(formatUsd)).toEqual(['$0', '<$0.000001', '$0.00123', '$0.5', '$1.00', '$12.35']);
  });

  it("the provider's reported cost wins; then the workflow's price; then the built-in table for the unchanged default model; else unknown", () => {
    expect(reportedCost({ prompt_tokens: 3, cost: 0.0012 })).toBe(0.0012);
    expect(reportedCost({ prompt_tokens: 3 })).toBeUndefined();
    expect(callCost(price, { prompt: 1, completion: 1, cost: 0.5 })).toBe(0.5);
    expect(callCost(price, { prompt: 1, completion: 2 })).toBe(3);
    expect(callCost(null, { prompt: 1, completion: 2 })).toBeNull();
    expect(priceOf({ model: 'gpt-4.1', provider: 'openai' }, undefined)).toMatchObject({ input_per_million: 2, output_per_million: 8, source: 'builtin' });
    expect(priceOf({ model: 'gpt-4.1', provider: 'openai', pricing: { input_per_million: 1, output_per_million: 1 } }, undefined)).toMatchObject({ source: 'workflow' });
    // The openai provider pointed at another endpoint serves other prices.
    expect(priceOf({ model: 'gpt-4.1', provider: 'openai' }, { name: 'openai', endpoint: 'http://127.0.0.1:9/v1' } as never)).toBeNull();
    expect(priceOf({ model: 'my-model', provider: 'local' }, undefined)).toBeNull();
  });
});
