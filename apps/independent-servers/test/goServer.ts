import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SPEED } from './pythonServer';
import { type ServerProcess, startServerProcess } from './serverProcess';

export type GoSystem = 'helios' | 'takhin' | 'veloflux';

/** Debian's Go sources (golang-github-*-dev); GO111MODULE=off builds from them, offline. */
const GOPATH = process.env.FEEDKIT_GOPATH ?? '/usr/share/gocode';
const LIBRARIES = [
  'github.com/gorilla/websocket',
  'github.com/gin-gonic/gin',
  'github.com/golang-jwt/jwt',
];
const APT =
  'apt-get install golang-go golang-github-gorilla-websocket-dev golang-github-gin-gonic-gin-dev golang-github-golang-jwt-jwt-dev';

const sourcesDir = fileURLToPath(new URL('../go/', import.meta.url));
const binDir = fileURLToPath(new URL('../node_modules/.cache/feedkit-go/bin/', import.meta.url));
const goEnv = {
  ...process.env,
  GOPATH,
  GO111MODULE: 'off',
  GOFLAGS: '',
  GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'feedkit-go-cache'),
};

/**
 * A deployment's local zone: Go marshals `time.Now()` with its offset
 * (`2026-11-27T12:47:01.347566262-03:00`), as a server in São Paulo sends it.
 */
export const GO_SERVER_TZ = 'America/Sao_Paulo';

/** Fails loudly (never skips) when Go or a library the servers import is missing. */
function requireGo(): void {
  const probe = spawnSync('go', ['version'], { encoding: 'utf8', env: goEnv });
  const missing = LIBRARIES.filter((lib) => !existsSync(join(GOPATH, 'src', lib)));
  if (probe.error !== undefined || probe.status !== 0 || missing.length > 0) {
    throw new Error(
      `The Go servers need the go tool and, under ${GOPATH}/src, ${LIBRARIES.join(', ')} ` +
        `(Debian: ${APT}; or set FEEDKIT_GOPATH). ` +
        (missing.length > 0
          ? `Missing: ${missing.join(', ')}.`
          : `go said: ${probe.error?.message ?? probe.stderr.trim()}`),
    );
  }
}

const built = new Map<GoSystem, string>();

/**
 * Builds `go/<system>` once: again only when a source (its own or
 * `go/serverkit`'s) is newer than the binary. Built under a temporary name and renamed, so test files building
 * the same server in parallel never run a half-written binary.
 */
function buildOnce(system: GoSystem): string {
  const cached = built.get(system);
  if (cached !== undefined) return cached;
  requireGo();
  const out = join(binDir, system);
  // Its own sources and serverkit's, which every server imports.
  const sources = [system, 'serverkit'].flatMap((dir) =>
    readdirSync(join(sourcesDir, dir)).map((f) => join(sourcesDir, dir, f)),
  );
  const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
  if (!existsSync(out) || statSync(out).mtimeMs < newest) {
    mkdirSync(binDir, { recursive: true });
    const partial = `${out}.${process.pid}.${randomUUID()}`;
    const build = spawnSync('go', ['build', '-o', partial, `./${system}`], {
      cwd: sourcesDir,
      env: goEnv,
      encoding: 'utf8',
    });
    if (build.error !== undefined || build.status !== 0) {
      throw new Error(
        `go build ./${system} failed (${APT}?):\n${build.error?.message ?? build.stderr}`,
      );
    }
    renameSync(partial, out);
  }
  built.set(system, out);
  return out;
}

/**
 * Starts the Go server of `system` on a free port at `SPEED`, in `GO_SERVER_TZ`.
 * `args` are its flags: `-allowed-origins`, Helios `-token-ttl`, Takhin `-api-key`.
 */
export function startGoServer(
  system: GoSystem,
  args: readonly string[] = [],
): Promise<ServerProcess> {
  const file = buildOnce(system);
  return startServerProcess({
    label: `go/${system}`,
    command: file,
    args: (port) => ['-port', String(port), '-speed', String(SPEED), ...args],
    cwd: sourcesDir,
    env: { ...process.env, TZ: GO_SERVER_TZ, GIN_MODE: 'release' },
  });
}

/** A cold build of gin takes a while on a loaded machine; give the first `beforeAll` room. */
export const GO_BUILD_TIMEOUT_MS = 120_000;
