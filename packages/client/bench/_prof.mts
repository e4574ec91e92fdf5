import { Child } from '/work/main/packages/client/bench/Child.ts';
import { runFeedkit } from '/work/main/packages/client/bench/throughput.ts';

const servers = new Child<any>('./blastServers.ts');
const { ready } = await servers.request(undefined, 'ready');
await servers.request({ cmd: 'arm', payload: 'story', n: 100000 }, 'armed');
const r = await runFeedkit(ready.wsPort, 'story', 100000, 1);
console.log(r);
servers.kill();
process.exit(0);
