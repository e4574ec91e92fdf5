import type { SystemServer } from './systems/SystemServer';

/** The text `pnpm server` prints: every socket path, REST route and credential, per system. */
export function describeServer(
  systems: readonly SystemServer<object, unknown>[],
  where: { readonly url: string; readonly wsUrl: string; readonly mode: string },
): string {
  const lines = [`feedkit reference server on ${where.url} (${where.mode})`];
  for (const system of systems) {
    lines.push('', `  ${system.name}`);
    for (const path of system.socketPaths()) lines.push(`    WS   ${where.wsUrl}${path}`);
    for (const route of system.routes())
      lines.push(`    ${route.method.padEnd(4)} ${where.url}${route.pattern}`);
    for (const note of system.notes()) lines.push(`    ${note}`);
  }
  return lines.join('\n');
}
