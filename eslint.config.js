// Lint: typescript-eslint's recommended rules plus the architecture's import directions.
// Directions: domain → nothing; event-store → nothing of ours; read-models → domain, event-store;
// platform → domain, event-store, read-models; apps → libs and seeds; seeds → libs. Libraries never import apps or seeds.
import tseslint from 'typescript-eslint';

// A layer by its subpath import (`#domain`, package.json "imports") or by a path through its folder (`../../domain/src/…`).
const layer = (names) => `(^#|^|/)(${names.join('|')})(/|$)`;
const forbid = (...patterns) => ['error', { patterns }];
const FRAMEWORKS = {
  regex: '^(@nestjs/|typeorm$|pg$|kafkajs$|@kurrent/|express$|class-validator$|class-transformer$|node:)',
  message: 'The domain is pure: no framework, database or Node.js I/O imports.',
};
const APPS_AND_SEEDS = { regex: layer(['apps', 'seeds']), message: 'Libraries never import apps or seeds.' };

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts', 'libs/domain/src/testing/**'],
    rules: {
      'no-restricted-imports': forbid(FRAMEWORKS, APPS_AND_SEEDS, {
        regex: layer(['event-store', 'read-models', 'platform']),
        message: 'The domain imports nothing from the other libraries.',
      }),
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Deciders get time from command metadata.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Deciders get time from command metadata.' },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Deciders are deterministic: ids arrive in commands.',
        },
      ],
    },
  },
  {
    files: ['libs/event-store/src/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(APPS_AND_SEEDS, {
        regex: layer(['domain', 'read-models', 'platform']) + '|^@nestjs/|^typeorm$',
        message: 'The event store depends on no other library of ours and no framework.',
      }),
    },
  },
  {
    files: ['libs/read-models/src/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(APPS_AND_SEEDS, { regex: layer(['platform']), message: 'Read models do not import the platform.' }),
    },
  },
  {
    files: ['libs/platform/src/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(APPS_AND_SEEDS) },
  },
  {
    files: ['seeds/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid({ regex: layer(['apps']), message: 'Seeds get the command path passed in; they never import apps.' }),
    },
  },
);
