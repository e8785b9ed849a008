export * from './auth.schema';
export * from './challenge.schema';
export * from './health.schema';
export * from './problem.schema';
export * from './pseud.schema';
export * from './rules.schema';
