export default async function globalTeardown() {
  await globalThis.__luodiEmbeddedPostgres?.stop();
}
