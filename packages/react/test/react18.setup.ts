import Module from 'node:module';
import { join } from 'node:path';

/**
 * pnpm links react-dom 18's peer `react` to the workspace's React 19, so
 * its CommonJS `require('react')` would load the wrong React. Send every
 * CommonJS `react` / `react-dom` request to the 18 aliases instead.
 */
const redirects: Record<string, string> = {
  react: join(import.meta.dirname, '../node_modules/react-18'),
  'react-dom': join(import.meta.dirname, '../node_modules/react-dom-18'),
};

type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;
internals._resolveFilename = (request, ...rest) => {
  const [name, ...sub] = request.split('/');
  const target = name === undefined ? undefined : redirects[name];
  return resolve(target === undefined ? request : [target, ...sub].join('/'), ...rest);
};
