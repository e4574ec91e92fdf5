import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The same tests on React 18, through the `react-18` / `react-dom-18`
 * aliases in devDependencies. Imports of `react` and `react-dom` in our
 * sources and in Testing Library (inlined so the aliases apply) go to React
 * 18; `test/react18.setup.ts` does the same for the `require('react')`
 * inside react-dom 18 itself.
 */
const resolveDir = (name: string) =>
  fileURLToPath(new URL(`./node_modules/${name}`, import.meta.url));

const config = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        { find: /^react$/, replacement: resolveDir('react-18') },
        { find: /^react\/(.*)$/, replacement: `${resolveDir('react-18')}/$1` },
        { find: /^react-dom$/, replacement: resolveDir('react-dom-18') },
        { find: /^react-dom\/(.*)$/, replacement: `${resolveDir('react-dom-18')}/$1` },
      ],
    },
    test: {
      name: 'react-18',
      // Types do not depend on the React runtime; checking them once is enough.
      typecheck: { enabled: false },
      env: { FEEDKIT_EXPECT_REACT: '18' },
      server: { deps: { inline: [/@testing-library\/react/] } },
    },
  }),
);

// The require redirect must be in place before test/setup.ts loads Testing Library
// (and with it react-dom); mergeConfig would append it after.
config.test = { ...config.test, setupFiles: ['./test/react18.setup.ts', './test/setup.ts'] };

export default config;
