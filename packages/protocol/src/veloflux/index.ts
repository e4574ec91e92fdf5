export * from './adapter';
export * from './messages';
export * from './rest';
