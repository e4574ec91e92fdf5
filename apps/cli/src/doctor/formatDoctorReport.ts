import type { Colors } from 'picocolors/types';
import type { Check, CheckStatus, DoctorReport } from './DoctorReport';

const mark = (status: CheckStatus, c: Colors) =>
  ({ ok: c.green('ok  '), warn: c.yellow('warn'), fail: c.red('FAIL'), skip: c.dim('skip') })[
    status
  ];

/** The report as an aligned table: section, check, status, detail. */
export function formatDoctorReport(report: DoctorReport, c: Colors): string {
  const rows: [string, Check][] = [
    ['reach', report.reachability],
    ...report.auth.map((check): [string, Check] => ['auth', check]),
    ...report.feeds.flatMap((feed): [string, Check][] =>
      // A feed that never opened has no ping or acks to show.
      feed.ping.status === 'skip' &&
      feed.acks.status === 'skip' &&
      feed.messages === 0 &&
      feed.status !== 'ok' &&
      feed.status !== 'warn'
        ? [['feed', feed]]
        : [
            ['feed', feed],
            ['feed', { ...feed.ping, name: `  ${feed.name} ping` }],
            ['feed', { ...feed.acks, name: `  ${feed.name} acks` }],
          ],
    ),
    ...report.rest.map((check): [string, Check] => ['rest', check]),
  ];
  const width = Math.max(...rows.map(([, check]) => check.name.length));
  const verdict =
    report.exitCode === 0
      ? c.green('healthy')
      : report.exitCode === 1
        ? c.red('problems found')
        : c.red('unreachable');
  return [
    `feedkit doctor: ${report.system} at ${report.url}`,
    ...rows.map(
      ([section, check]) =>
        `${section.padEnd(5)} ${check.name.padEnd(width)}  ${mark(check.status, c)}  ${check.detail}`,
    ),
    `${verdict} (exit ${report.exitCode})`,
  ].join('\n');
}
