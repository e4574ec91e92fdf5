export * from './adapter';
export * from './messages';
