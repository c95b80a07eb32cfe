/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

/**
 * @utrecht/component-library-react is one module that ends every component
 * with a top-level `X.displayName = 'X';`. Those writes count as side effects,
 * so the bundle would keep all ~80 components (about 170 kB) though the app
 * uses twenty. Dropping the dev-tools names from that one file lets unused
 * components be tree-shaken.
 */
function dropUtrechtDisplayNames(): Plugin {
  const file = /@utrecht\/component-library-react\/dist\/index\.mjs$/;
  return {
    name: 'regie:drop-utrecht-display-names',
    apply: 'build',
    transform(code, id) {
      if (!file.test(id)) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = '[^']*';$/gm, ''), map: null };
    },
  };
}

// The built files are served by `regie serve --web-root web/dist` under a
// strict CSP (no inline scripts, everything from 'self'); /assets/* is cached
// as immutable, so every asset name carries a content hash.
export default defineConfig({
  plugins: [react(), dropUtrechtDisplayNames()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Whole flows in jsdom (login, forms) take a few seconds on a busy 2-core CI machine.
    testTimeout: 20000,
  },
});
