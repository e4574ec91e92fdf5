import { startNginx } from '../src/startNginx';
import { idleTimeoutSuite } from './support/idleTimeoutSuite';

// nginx: `proxy_read_timeout 3s` (only bytes from the upstream reset it; pongs are such bytes).
idleTimeoutSuite('nginx', startNginx);
