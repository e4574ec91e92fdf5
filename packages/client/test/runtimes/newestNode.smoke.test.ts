import { runtimeSmokeSuite } from './runtimeSmokeSuite';
import { smokeRuntimes } from './smokeRuntimes';

runtimeSmokeSuite(smokeRuntimes.newestNode);
