import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README's usage code must be the code the typecheck compiles: each
// snippet file, minus its first comment line, appears verbatim in README.md.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(`${root}README.md`, 'utf8');

describe('README usage snippets', () => {
  it.each(['react.tsx', 'vue.ts', 'node.ts'])('%s is shown verbatim and compiled', (file) => {
    const source = readFileSync(`${root}apps/dashboard/docs-snippets/${file}`, 'utf8');
    const body = source.slice(source.indexOf('\n') + 1).trim();
    expect(body.length).toBeGreaterThan(100);
    expect(readme).toContain(body);
  });
});
