// The root entry: the core and all five systems as namespaces. A bundle that
// needs one system imports `@feedkit/protocol/<system>` (and `/core`) instead.
export * as ActiveImmuneCore from './active-immune-core/index';
export * from './core/index';
export * as Helios from './helios/index';
export * as PlataformaE from './plataforma-e/index';
export * as Takhin from './takhin/index';
export * as VeloFlux from './veloflux/index';
