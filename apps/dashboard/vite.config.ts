import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Where the reference server runs. The page talks to its own origin and Vite
 * proxies the five systems' paths (sockets included) there, so REST calls
 * need no CORS and one URL serves everything.
 * @default http://localhost:8080 (`pnpm server`)
 */
const target = process.env.FEEDKIT_SERVER ?? 'http://localhost:8080';
// Every system's paths start with one of these: /api/ws/*, /api/monitoring/ws,
// /api/auth/login, /ws/*, /ws?client_id=.
const proxy = Object.fromEntries(
  ['/api', '/ws'].map((path) => [path, { target, ws: true, changeOrigin: true }]),
);

export default defineConfig({
  plugins: [react()],
  // Workspace packages resolve to their TypeScript sources: the demo needs no package build.
  resolve: { conditions: ['@feedkit/source', 'browser', 'module', 'import', 'default'] },
  server: { port: 5173, proxy },
  preview: { port: 5173, proxy },
  build: { sourcemap: true, chunkSizeWarningLimit: 1024 },
});
