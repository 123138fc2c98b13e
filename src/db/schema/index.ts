export * from './territory.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './plan.ts';
export * from './pnrr.ts';
export * from './projects.ts';
