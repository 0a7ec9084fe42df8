/**
 * The bundle's entry (scripts/bundle.mjs): dist/index.js, dist/post.js and dist/cli/index.js each call
 * one of these. Dynamic imports keep the CLI from loading @actions/* and the Action from loading the CLI.
 */
export async function runAction(): Promise<void> {
  const { runAction: run } = await import('./action/main.js');
  await run();
}

export async function runPost(): Promise<void> {
  const { runPost: run } = await import('./action/post.js');
  await run();
}

export async function runCli(argv: string[]): Promise<number> {
  const { main } = await import('./cli/main.js');
  return main(argv);
}
