// @ts-check
/**
 * TypeDoc plugin: names each entry point's module by the import path users
 * write (`@feedkit/react/takhin`) instead of its folder (`react/src/systems/takhin`).
 * The names come from each package's `exports` map: the `@feedkit/source`
 * condition points at the entry file, so a new entry point is named without
 * touching this file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Converter, ReflectionKind } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Absolute entry file -> import path, for every package under packages/. */
function importPaths() {
  const names = new Map();
  for (const dir of readdirSync(join(root, 'packages'))) {
    let manifest;
    try {
      manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target ? target['@feedkit/source'] : undefined;
      if (typeof source !== 'string') continue;
      const file = resolve(root, 'packages', dir, source);
      names.set(file, subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`);
    }
  }
  return names;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  const names = importPaths();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const symbol = context.getSymbolFromReflection(reflection);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
    const name = file && names.get(resolve(file));
    if (name) reflection.name = name;
  });
}
