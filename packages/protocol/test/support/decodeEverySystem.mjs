// Run by test/noEval.test.ts in a child `node --disallow-code-generation-from-strings`
// (a strict Content-Security-Policy's rule): decodes one valid and one
// invalid frame per system through the built package and prints the results.
import { ActiveImmuneCore, Helios, PlataformaE, Takhin, VeloFlux } from '../../dist/index.js';

const status = (uptime) =>
  `{"type":"system_status","data":{"status":"healthy","uptime":${uptime},"version":"1","websocket_clients":1,"total_backends":1,"healthy_backends":1,"backend_health_percentage":100,"pools_count":1,"cluster_enabled":false,"node_id":"n","is_leader":true,"adaptive_balancer_enabled":false,"current_strategy":"rr"},"timestamp":"2025-06-20T15:30:45Z"}`;
const story = (title) =>
  `{"type":"story_created","data":{"story_id":"S","title":${title},"project_id":"P"},"timestamp":"2025-01-15T10:30:00Z","message_id":"m"}`;
const stateChange = (term) =>
  `{"type":"state_change","timestamp":"2024-01-15T10:31:00Z","data":{"old_state":"Follower","new_state":"Leader","term":${term}}}`;
const agent = (id) =>
  `{"event_type":"agent_updated","timestamp":"2025-10-06T14:30:00","data":{"agent_id":${id}}}`;
const group = (members) =>
  `{"type":"group_updated","timestamp":1704225600.5,"data":{"groupId":"g","state":"Stable","members":${members}}}`;

const cases = {
  VeloFlux: [VeloFlux.adapter, status('"1h"'), status('7')],
  PlataformaE: [PlataformaE.adapter, story('"t"'), story('null')],
  Helios: [Helios.adapter, stateChange('6'), stateChange('"six"')],
  ActiveImmuneCore: [ActiveImmuneCore.adapter, agent('"a1"'), agent('1')],
  Takhin: [Takhin.adapter, group('3'), group('"3"')],
};

let evalAllowed = true;
try {
  new Function('');
} catch {
  evalAllowed = false;
}
const results = {};
for (const [system, [adapter, valid, invalid]] of Object.entries(cases)) {
  results[system] = { valid: adapter.decode(valid), invalid: adapter.decode(invalid) };
}
process.stdout.write(JSON.stringify({ evalAllowed, results }));
