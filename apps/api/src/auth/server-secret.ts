import { randomBytes } from 'node:crypto';
import { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** The key access tokens are signed with (HS256). */
export const TOKEN_SECRET = Symbol('TOKEN_SECRET');

/**
 * LUODI_JWT_SECRET when it is set; otherwise a random key made on the first start and kept in
 * the database, so that every instance on it (and every restart) signs and verifies alike. A key
 * written in the source would let anyone mint an admin token.
 */
export const tokenSecretProvider: Provider = {
  provide: TOKEN_SECRET,
  inject: [APP_CONFIG, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource) => config.jwtSecret ?? serverSecret(dataSource, 'jwt'),
};

/**
 * The secret called `name`, made at random the first time any instance asks. Two instances
 * starting together both insert-if-absent and then read back the one that won.
 */
export async function serverSecret(dataSource: DataSource, name: string): Promise<string> {
  await dataSource.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    randomBytes(48).toString('base64url'),
  ]);
  const [row] = await dataSource.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
  return row.value;
}
