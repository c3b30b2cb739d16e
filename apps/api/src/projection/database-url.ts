import { DataSource } from 'typeorm';

/** The URL the data source connects with: for the sessions that must not come from its pool (locks, LISTEN). */
export function databaseUrlOf(dataSource: DataSource): string {
  const { url } = dataSource.options as { url?: string };
  if (!url) throw new Error('The data source has no connection URL');
  return url;
}
