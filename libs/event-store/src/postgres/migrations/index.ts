import { CreateEvents1763800000000 } from './1763800000000-create-events.migration';
import { CreateAppendFunction1763800000001 } from './1763800000001-create-append-function.migration';
import { AppendWithoutNotify1763800000002 } from './1763800000002-append-without-notify.migration';

export const eventStoreMigrations = [
  CreateEvents1763800000000,
  CreateAppendFunction1763800000001,
  AppendWithoutNotify1763800000002,
];
