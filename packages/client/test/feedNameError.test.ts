import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, it } from 'vitest';

// A misspelt feed name is the first type error a new user meets: it must list
// the names the system has, not an alias of the adapter's whole type.
const packageDir = fileURLToPath(new URL('../', import.meta.url));
const snippetPath = `${packageDir}test/feedNameError.snippet.ts`;
const snippet = `
import { createClient, takhin } from '../src/index.ts';
const client = createClient({ url: 'ws://localhost:8080', protocol: takhin() });
client.feed('metrcs');
`;

function diagnosticsOf(source: string): string[] {
  const configPath = `${packageDir}tsconfig.json`;
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const host = ts.createCompilerHost(config.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name === snippetPath || fileExists.call(host, name);
  host.readFile = (name) => (name === snippetPath ? source : readFile.call(host, name));
  host.getSourceFile = (name, language, ...rest) =>
    name === snippetPath
      ? ts.createSourceFile(name, source, language)
      : getSourceFile.call(host, name, language, ...rest);
  const program = ts.createProgram([snippetPath], config.options, host);
  return program
    .getSemanticDiagnostics(program.getSourceFile(snippetPath))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

it("a misspelt feed name's type error lists the system's feed names", () => {
  const messages = diagnosticsOf(snippet);
  expect(messages).toHaveLength(1);
  expect(messages[0]).toContain('"metrcs"');
  expect(messages[0]).toContain('"metrics" | "topic" | "consumerGroup"');
}, 60_000);
