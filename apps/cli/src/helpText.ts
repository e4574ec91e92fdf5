import { feedCatalog, systemNames } from './feedCatalog';

/** `feedkit --help`. */
export function helpText(defaultUrl: string): string {
  const feeds = systemNames
    .map((system) => {
      const lines = Object.entries(feedCatalog[system]).map(
        ([name, feed]) =>
          `    ${name.padEnd(14)} ${feed.description}${feed.needs ? `  ${feed.needs}` : ''}`,
      );
      return `  ${system}\n${lines.join('\n')}`;
    })
    .join('\n');
  return `Usage:
  feedkit tail <system> <feed> [options]          live messages of one feed
  feedkit record <system> <feed...> --out <file>  frames with their timings, as JSON lines
  feedkit doctor <url> --system <name> [options]  does this deployment behave as its document says?

tail prints aligned columns on a terminal, one JSON object per line with
--json; connection state goes to stderr, one line per retry.

Options:
  --url <url>            server base URL (http, https, ws or wss; scheme optional)  [${defaultUrl}]
  --system <name>        the system (doctor)
  --user <name>          Helios login (or FEEDKIT_USER), with a password:
  --password-file <path> Helios password from a file (or FEEDKIT_PASSWORD)
  --token-file <path>    Helios bearer token from a file (or FEEDKIT_TOKEN)
  --api-key-file <path>  Takhin API key from a file (or FEEDKIT_API_KEY)
  --password, --token, --api-key <value>
                         the same on the command line, where ps and shell history see it
  --project <id>         Plataforma E project (feed: project)
  --level <level>        Plataforma E minimum log level (feed: logs)  [info]
  --room <name>          Active Immune Core room (feed: room)
  --type <event_type>    Active Immune Core event type (feed: eventType)
  --topic <name>         Takhin topic (feed: topic)
  --group <id>           Takhin consumer group (feed: consumerGroup)
  --client-id <id>       Active Immune Core client_id  [feedkit-cli-<pid>]
  -o, --out <file>       record: the .jsonl file to write
  --limit <n>            record: stop after n frames
  --duration <seconds>   record: stop after this long; doctor: watch each feed this long  [doctor: 5]
  --json                 tail: one JSON object per line; doctor: the report as JSON
  -h, --help             this text

Exit codes:
  tail, record: 0 after Ctrl-C (or --limit/--duration), 1 connection failure,
                2 usage error, 3 authentication refused
  doctor:       0 healthy, 1 problems found, 2 unreachable (or usage error)

Systems and feeds:
${feeds}

Examples:
  feedkit tail takhin metrics --url localhost:8080
  FEEDKIT_PASSWORD=admin123 feedkit tail helios status --user admin
  feedkit tail plataforma-e logs --level warning --json | jq .data.message
  feedkit record takhin metrics topic --topic orders --out incident.jsonl
  feedkit doctor https://helios.internal --system helios --user admin --password-file pw.txt
`;
}
