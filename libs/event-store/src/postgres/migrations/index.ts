import { CreateEvents1763800000000 } from './1763800000000-create-events.migration';

export const eventStoreMigrations = [CreateEvents1763800000000];
