// Locations shared by the end-to-end tests. Packages (playwright-core,
// axe-core) live in web/node_modules, which Node does not search from
// tests/e2e, so they are required relative to web/package.json.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const webDist = join(repoRoot, 'web', 'dist');
export const policiesDir = join(repoRoot, 'policies');
export const webRequire = createRequire(join(repoRoot, 'web', 'package.json'));
