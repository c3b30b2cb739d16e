"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createTestDatabase = createTestDatabase;
const node_crypto_1 = require("node:crypto");
const pg_1 = require("pg");
const typeorm_1 = require("typeorm");
/**
 * A fresh database on the test run's PostgreSQL server (see global-setup.mjs), migrated with the
 * given migrations. Each test file gets its own, so files never see each other's data; `drop`
 * removes it again (it is ours: we created it).
 */
async function createTestDatabase(migrations) {
    const serverUrl = process.env.LUODI_TEST_SERVER_URL;
    if (!serverUrl)
        throw new Error('LUODI_TEST_SERVER_URL is not set: run the tests through Jest (npm test)');
    const name = `luodi_test_${Date.now()}_${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = withDatabase(serverUrl, name);
    const dataSource = new typeorm_1.DataSource({ type: 'postgres', url, migrations, logging: false });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.destroy();
    return {
        url,
        drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
}
function withDatabase(serverUrl, database) {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
}
async function withClient(url, work) {
    const client = new pg_1.Client({ connectionString: url });
    await client.connect();
    try {
        await work(client);
    }
    finally {
        await client.end();
    }
}
//# sourceMappingURL=test-database.js.map