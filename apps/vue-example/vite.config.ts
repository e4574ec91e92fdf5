import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

/**
 * The reference server the page's same-origin proxy forwards to.
 * @default http://localhost:8080 (`pnpm server`)
 */
const target = process.env.FEEDKIT_SERVER ?? 'http://localhost:8080';
const proxy = Object.fromEntries(
  ['/api', '/ws'].map((path) => [path, { target, ws: true, changeOrigin: true }]),
);

export default defineConfig({
  plugins: [vue()],
  // Workspace packages resolve to their TypeScript sources: no package build needed.
  resolve: { conditions: ['@feedkit/source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5174, proxy },
  preview: { port: 5174, proxy },
});
