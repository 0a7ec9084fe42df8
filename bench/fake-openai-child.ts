// Runs the fake OpenAI server in its own process, so the benchmark measures ddflow's CPU, not the fake's.
import { startFakeOpenAI, type FakeFaults } from '../test/support/fake-openai.js';

const faults = JSON.parse(process.argv[2] ?? '{}') as FakeFaults;
const server = await startFakeOpenAI({ seed: 1, faults });
process.send?.({ url: server.url });
process.on('message', async (m: { type: string }) => {
  if (m.type === 'stats') process.send?.({ stats: server.stats });
  if (m.type === 'close') {
    await server.close();
    process.exit(0);
  }
});
