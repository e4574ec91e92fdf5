import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ReferenceServer, startReferenceServer } from '@feedkit/reference-server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../dashboard/test/support/launchChromium';
import { type Consumer, type ConsumerSpec, createConsumer } from '../src/createConsumer';
import { firstLine } from '../src/firstLine';
import { packWorkspace } from '../src/packWorkspace';
import { describeRun, run } from '../src/run';
import { serveStatic } from '../src/serveStatic';

const SPECS = {
  react: {
    fixture: 'react-vite',
    type: 'module',
    feedkit: ['@feedkit/react'],
    thirdParty: [
      'react',
      'react-dom',
      '@types/react',
      '@types/react-dom',
      'vite',
      '@vitejs/plugin-react',
      'typescript',
    ],
    scripts: { typecheck: 'tsc -p .', build: 'vite build' },
  },
  vue: {
    fixture: 'vue-vite',
    type: 'module',
    feedkit: ['@feedkit/vue'],
    thirdParty: ['vue', 'vite', '@vitejs/plugin-vue', 'vue-tsc', 'typescript'],
    scripts: { typecheck: 'vue-tsc -p .', build: 'vite build' },
  },
  esm: {
    fixture: 'node-esm',
    type: 'module',
    feedkit: ['@feedkit/client', '@feedkit/protocol'],
    thirdParty: ['typescript', '@types/node'],
    scripts: { build: 'tsc -p .' },
  },
  cjs: {
    fixture: 'node-cjs',
    type: 'commonjs',
    feedkit: ['@feedkit/client', '@feedkit/protocol'],
    thirdParty: ['typescript', '@types/node'],
    scripts: { build: 'tsc -p .' },
  },
  cli: { fixture: 'cli', type: 'module', feedkit: ['@feedkit/cli'], thirdParty: [], scripts: {} },
} satisfies Record<string, ConsumerSpec>;

type Name = keyof typeof SPECS;

describe('feedkit as published: packed tarballs installed with npm into fresh projects', () => {
  let work: string;
  let tarballs: Map<string, string>;
  let server: ReferenceServer;
  let browser: Browser;
  const consumers = new Map<Name, Consumer>();

  const npmRun = async (name: Name, script: string) => {
    const result = await run('npm', ['run', '--silent', script], { cwd: consumers.get(name)!.dir });
    expect(result.code, describeRun(`npm run ${script} (${name})`, result)).toBe(0);
    return result;
  };

  /** Builds a Vite app, opens it in Chromium against the server and waits for a live number. */
  const liveInBrowser = async (name: Name) => {
    await npmRun(name, 'typecheck');
    await npmRun(name, 'build');
    const dist = join(consumers.get(name)!.dir, 'dist');
    // The app does not share sockets across tabs: no SharedWorker script may be emitted.
    expect(readdirSync(join(dist, 'assets')).filter((f) => /share/i.test(f))).toEqual([]);
    const site = await serveStatic(dist);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${site.url}?server=${encodeURIComponent(server.wsUrl)}`);
      await expect
        .poll(() => page.getByTestId('rate').textContent(), { timeout: 20_000 })
        .toMatch(/^\d+$/);
      expect(await page.getByTestId('status').textContent()).toBe('open');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'feedkit-consumers-'));
    [tarballs, server, browser] = await Promise.all([
      packWorkspace(join(work, 'tarballs')),
      startReferenceServer({ timeScale: 0.1, seed: 5, onError: () => {} }),
      launchChromium(),
    ]);
    // Installs mostly wait on the registry, so they run side by side.
    const made = await Promise.all(
      Object.entries(SPECS).map(
        async ([name, spec]) => [name, await createConsumer(work, spec, tarballs)] as const,
      ),
    );
    for (const [name, consumer] of made) consumers.set(name as Name, consumer);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('every tarball holds its README, the LICENSE and package.json, and no tests', async () => {
    for (const [name, tarball] of tarballs) {
      const listing = await run('tar', ['-tzf', tarball], { cwd: work });
      const files = listing.stdout.trim().split('\n');
      expect(files, name).toEqual(
        expect.arrayContaining(['package/README.md', 'package/LICENSE', 'package/package.json']),
      );
      expect(
        files.filter((f) => /(^package\/test\/|\.test(-d)?\.tsx?$|\.bench\.)/.test(f)),
        name,
      ).toEqual([]);
    }
  });

  it('npm installs every project without engine warnings', () => {
    for (const [name, consumer] of consumers) {
      expect(consumer.install.stderr, name).not.toMatch(/EBADENGINE/);
    }
  });

  it('React + Vite: typechecks, builds, and shows live Takhin metrics in Chromium', async () => {
    await liveInBrowser('react');
  });

  it('Vue + Vite: typechecks (vue-tsc), builds, and shows live Takhin metrics in Chromium', async () => {
    await liveInBrowser('vue');
  });

  it('Node ESM: typechecks, compiles, and reads the first Takhin metrics message', async () => {
    await npmRun('esm', 'build'); // tsc: typecheck and compile in one
    const main = await run('node', ['dist/main.js', server.wsUrl], {
      cwd: consumers.get('esm')!.dir,
    });
    expect(main.stdout, describeRun('node dist/main.js', main)).toMatch(/^metrics \d+ msg\/s$/m);
    expect(main.code).toBe(0);
  });

  it('Node CommonJS: typechecks, compiles to require(), signs in to Helios and reads its status', async () => {
    await npmRun('cjs', 'build'); // tsc: typecheck and compile in one
    const dir = consumers.get('cjs')!.dir;
    const compiled = readFileSync(join(dir, 'dist/main.js'), 'utf8');
    expect(compiled).toContain('require("@feedkit/client")');
    expect(compiled).toContain('require("@feedkit/protocol/helios")');
    const main = await run('node', ['dist/main.js', server.wsUrl], { cwd: dir });
    expect(main.stdout, describeRun('node dist/main.js', main)).toMatch(
      /^status \w+ term \d+ on \/ws\/cluster$/m,
    );
    expect(main.code).toBe(0);
  });

  describe('the CLI, installed from its tarball', () => {
    /** Runs the installed bin, as `npx feedkit` would. */
    const feedkit = (args: readonly string[]) =>
      run(join(consumers.get('cli')!.dir, 'node_modules/.bin/feedkit'), args, {
        cwd: consumers.get('cli')!.dir,
      });

    it('feedkit --help', async () => {
      const help = await feedkit(['--help']);
      expect(help.code, describeRun('feedkit --help', help)).toBe(0);
      expect(help.stdout).toMatch(/feedkit tail <system> <feed>/);
    });

    it('feedkit tail takhin metrics --json prints live messages', async () => {
      const dir = consumers.get('cli')!.dir;
      const line = await firstLine(
        join(dir, 'node_modules/.bin/feedkit'),
        ['tail', 'takhin', 'metrics', '--url', server.url, '--json'],
        { cwd: dir },
      );
      expect(JSON.parse(line)).toMatchObject({ type: 'metrics' });
    });

    // `feedkit doctor` is being added to @feedkit/cli; this runs as soon as the installed CLI lists it.
    it('feedkit doctor reports the reference server healthy (exit 0)', async (context) => {
      const help = await feedkit(['--help']);
      if (!/\bdoctor\b/.test(help.stdout))
        context.skip('this @feedkit/cli has no doctor command yet');
      const doctor = await feedkit(['doctor', server.url, '--system', 'takhin', '--json']);
      expect(doctor.code, describeRun('feedkit doctor', doctor)).toBe(0);
    });
  });
});
