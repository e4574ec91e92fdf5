import { createColors } from 'picocolors';
import { parseCommandLine } from './parseCommandLine';
import { ExitCode, tail } from './tail';

/** Colour on a terminal, never in a pipe; NO_COLOR and FORCE_COLOR win (no-color.org). */
function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCommandLine(argv);
  if (command.kind === 'help') {
    process.stdout.write(command.text);
    return ExitCode.ok;
  }
  if (command.kind === 'usage-error') {
    process.stderr.write(`feedkit: ${command.message}\nRun 'feedkit --help' for usage.\n`);
    return ExitCode.usage;
  }

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const outColors = createColors(wantsColor(process.stdout));
  const errColors = createColors(wantsColor(process.stderr));
  const code = await tail(command.options, command.feedArgs, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    colors: command.options.json ? createColors(false) : outColors,
    errColors,
    signal: stop.signal,
  });
  if (code === ExitCode.ok && !command.options.json)
    process.stderr.write(errColors.dim('closed\n'));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
