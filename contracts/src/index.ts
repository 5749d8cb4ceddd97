export * from './audit.contract.js';
export * from './auth.contract.js';
export * from './common.js';
export * from './errors.js';
export * from './network.contract.js';
export * from './org.contract.js';
export * from './permissions.js';
export * from './users.contract.js';
