import { startHaproxy } from '../src/startHaproxy';
import { idleTimeoutSuite } from './support/idleTimeoutSuite';

// haproxy: `timeout tunnel 3s` (bytes either way reset it once the connection is upgraded).
idleTimeoutSuite('haproxy', startHaproxy);
