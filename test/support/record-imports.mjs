// Preloaded with `node --import`: appends every module URL the ESM loader resolves to the file named by
// DDFLOW_TEST_IMPORT_LOG (one per line), so a test can tell which modules a command loaded.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.DDFLOW_TEST_IMPORT_LOG) appendFileSync(process.env.DDFLOW_TEST_IMPORT_LOG, resolved.url + '\\n');
  return resolved;
}`),
);
