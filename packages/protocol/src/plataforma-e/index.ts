export * from './adapter';
export * from './LogLevel';
export * from './messages';
export * from './rest';
export * from './Stats';
