export * from './territory.ts';
export * from './identity.ts';
export * from './audit.ts';
