import { fileURLToPath } from 'node:url';
import { pythonScript, requirePythonModules } from './pythonServer';
import { type ServerProcess, startServerProcess } from './serverProcess';

export type FastapiSystem = 'plataforma_e' | 'active_immune_core';

/**
 * One FastAPI app under uvicorn 0.17.6. SIGTERM is uvicorn's shutdown: it
 * closes every socket's transport without a close frame (the client sees 1006).
 */
export type FastapiServer = ServerProcess;

const appsDir = fileURLToPath(new URL('../fastapi/', import.meta.url));

/** Starts `fastapi/<system>.py` on port 0 with every cadence divided by `SPEED` (or `--speed` in `args`). */
export function startFastapiServer(
  system: FastapiSystem,
  args: readonly string[] = [],
): Promise<FastapiServer> {
  requirePythonModules(
    ['fastapi', 'uvicorn', 'websockets'],
    'python3-fastapi python3-uvicorn python3-websockets',
  );
  return startServerProcess({
    ...pythonScript(appsDir, system, args),
    label: `fastapi/${system}.py`,
  });
}
