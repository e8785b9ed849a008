export * from './phases/challenge-phase';
export * from './render/render-safe-html';
export * from './text/count-words';
export * from './policy/visibility';
export * from './rules/evaluate-entry-rules';
export * from './time/time-zone';
