export * from './dates.js';
export * from './default-rules.js';
export * from './evaluate.js';
export * from './plan.js';
export * from './rule-set.js';
export * from './validate.js';
