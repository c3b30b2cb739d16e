import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_OPTIONS } from './node-options';

/** Every way of starting the API runs it with API_NODE_OPTIONS, so the budget measured is the one deployed. */
describe('the API node options', () => {
  const root = join(__dirname, '../../..');
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;

  it.each(['start', 'demo'])('are those of npm run %s', (script) => {
    expect(scripts[script]).toMatch(/\bnode (.*) dist\/apps\/api\/src\//);
    expect(/\bnode (.*) dist\/apps\/api\/src\//.exec(scripts[script])![1].split(' ')).toEqual([...API_NODE_OPTIONS]);
  });

  it('are those of the Docker image', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(join(root, 'docker/Dockerfile'), 'utf8'))![1];
    expect(JSON.parse(cmd)).toEqual(['node', ...API_NODE_OPTIONS, 'dist/apps/api/src/main.js']);
  });
});
