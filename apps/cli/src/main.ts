import { createColors } from 'picocolors';
import { doctor } from './doctor/doctor';
import { parseCommandLine } from './parseCommandLine';
import { record } from './record';
import { ExitCode, type TailIo, tail } from './tail';

/** Colour on a terminal, never in a pipe; NO_COLOR and FORCE_COLOR win (no-color.org). */
function wantsColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR) return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/**
 * `feedkit ... | head` closes our stdout early: that is the reader saying
 * "enough", so stop quietly instead of dying on EPIPE with a stack trace.
 */
function onClosedStdout(stop: () => void): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return stop();
    process.stderr.write(`feedkit: cannot write to stdout: ${error.message}\n`);
    stop();
  });
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
  const errColors = createColors(wantsColor(process.stderr));
  for (const warning of command.warnings)
    process.stderr.write(`${errColors.yellow(`feedkit: ${warning}`)}\n`);

  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  onClosedStdout(onSignal);
  const json = 'json' in command.options && command.options.json;
  const io: TailIo = {
    out: (line) => {
      if (process.stdout.writable) process.stdout.write(`${line}\n`);
    },
    err: (line) => process.stderr.write(`${line}\n`),
    colors: createColors(!json && wantsColor(process.stdout)),
    errColors,
    signal: stop.signal,
  };
  const code =
    command.kind === 'tail'
      ? await tail(command.options, command.feedArgs, io)
      : command.kind === 'record'
        ? await record(command.options, io)
        : await doctor(command.options, io);
  if (command.kind === 'tail' && code === ExitCode.ok && !json)
    process.stderr.write(errColors.dim('closed\n'));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
