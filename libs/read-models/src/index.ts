import { MigrationInterface } from 'typeorm';

/** TypeORM entities of the read models and their migrations (filled in by the read-models work). */
export const readModelEntities: Function[] = [];
export const readModelMigrations: Array<new () => MigrationInterface> = [];
