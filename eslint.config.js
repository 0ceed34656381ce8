// The boundaries between the three parts of the code, checked on every `npm test` (issue 13):
// shared/ is used by both sides, so it imports neither; the browser never imports the server.
// Only these import rules are checked: style is the reviewers', types are tsc's.
import tseslint from 'typescript-eslint';

const banned = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    // The sources carry directives for rules this config does not run (no-control-regex): not an error here.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        [['**/server/**', '**/server'], 'shared/ is used by the server and the browser alike: it may not import server/.'],
        [['**/client/**', '**/client'], 'shared/ is used by the server and the browser alike: it may not import client/.'],
        [['node:*', 'better-sqlite3', 'express', 'socket.io'], 'shared/ runs in the browser too: no Node or server packages.'],
      ),
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': banned(
        [['**/server/**', '**/server'], 'The browser app may not import server/: share code through shared/.'],
        [['node:*', 'better-sqlite3', 'express'], 'The browser app cannot use Node or server packages.'],
      ),
    },
  },
);
