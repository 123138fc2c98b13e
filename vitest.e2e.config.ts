import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The browser stories share one server, so they run one at a time and in the order of a first
 * visit: the public pages, then the admin's first login (which changes the initial password),
 * then what the admin does. Files not listed here run afterwards, by name.
 */
const storyOrder = [
  'home-map',
  'comune',
  'keyboard',
  'language',
  'auth',
  'admin-users',
  'admin-territory',
  'plan',
  'projects',
  'project-links',
  'accessibility',
];

function rank(file: string): number {
  const name = path.basename(file).replace(/\.spec\.ts$/, '');
  const index = storyOrder.indexOf(name);
  return index === -1 ? storyOrder.length : index;
}

class StorySequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort(
      (a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId),
    );
  }
}

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { sequencer: StorySequencer },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // expect.poll gives up after one second by default: a page still loading on a busy machine
    // (a CI run beside other work) then failed a story that waits for it. Playwright's own waits
    // allow 15 seconds; the polls get as long.
    expect: { poll: { timeout: 15_000 } },
  },
});
