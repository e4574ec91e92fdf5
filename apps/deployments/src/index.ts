export { FaultProxy } from './faults/FaultProxy';
export type { FaultSettings } from './faults/FaultSettings';
export { freePort } from './freePort';
export { type Certificates, generateCertificates } from './generateCertificates';
export { ProxyProcess } from './ProxyProcess';
export type { ReverseProxyOptions } from './ReverseProxyOptions';
export { haproxyConfig, startHaproxy } from './startHaproxy';
export { nginxConfig, startNginx } from './startNginx';
