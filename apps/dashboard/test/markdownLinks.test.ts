import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** Generated or installed folders, not the repository's own text. */
const SKIP = new Set(['node_modules', 'dist', '.turbo', 'artifacts', '.git', 'coverage']);
/** The API reference `pnpm docs:api` generates (not committed). */
const GENERATED = join(root, 'docs/api');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (SKIP.has(entry.name) || path === GENERATED) return [];
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Targets of inline links and images, autolinks and reference definitions. */
function linkTargets(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)].map((m) => m[1]!),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!),
  ];
}

/** Hosts an example may name: this machine and the reserved example domains. */
const LOCAL_HOST =
  /^(localhost|127\.0\.0\.1|\[::1\]|([a-z0-9-]+\.)*example(\.(com|org|net))?|[a-z0-9-]+\.(test|internal|invalid))(:\d+)?$/i;

/** Packages published to npm: their README is read on the registry, where relative links break. */
const published = (file: string) => {
  const manifest = join(dirname(file), 'package.json');
  if (!file.endsWith('README.md') || !existsSync(manifest)) return false;
  return JSON.parse(readFileSync(manifest, 'utf8')).private !== true;
};

const files = markdownFiles(root);

describe('markdown links stay inside the repository', () => {
  it('finds the docs', () => {
    const names = files.map((f) => relative(root, f));
    expect(names).toEqual(
      expect.arrayContaining(['README.md', 'docs/README.md', 'docs/connecting.md']),
    );
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const problems: string[] = [];
    for (const target of linkTargets(text)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        problems.push(`${target}: links to a site outside the repository`);
        continue;
      }
      if (target.startsWith('#')) continue;
      if (published(file)) {
        problems.push(`${target}: a relative link in a published README breaks on npm`);
        continue;
      }
      const path = resolve(dirname(file), decodeURI(target.split('#')[0]!));
      if (relative(root, path).startsWith('..')) problems.push(`${target}: outside the repository`);
      else if (!existsSync(path)) problems.push(`${target}: no such file`);
    }
    for (const [url, host] of text.matchAll(/\bhttps?:\/\/([^\s/)`'"<>]+)/g)) {
      if (!LOCAL_HOST.test(host!)) problems.push(`${url}: a URL of a site outside the repository`);
    }
    expect(problems).toEqual([]);
  });
});
