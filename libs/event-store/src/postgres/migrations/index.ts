import { CreateEvents1763800000000 } from './1763800000000-create-events.migration';
import { CreateAppendFunction1763800000001 } from './1763800000001-create-append-function.migration';

export const eventStoreMigrations = [CreateEvents1763800000000, CreateAppendFunction1763800000001];
