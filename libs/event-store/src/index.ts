export * from './event-store.port';
export * from './event-store.errors';
export * from './handle-command';
export * from './checkpointed-subscription';
export * from './upcaster';
export * from './postgres/postgres-event-store';
export * from './postgres/pg-channel-listener';
export * from './postgres/migrations';
