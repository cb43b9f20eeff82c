// Two projects: `unit`, the pure *.spec.ts tests beside the code, and `integration`, every *.test.ts under
// test/ (schema, workflows and replay on a real Temporal dev server, end-to-end over HTTP, fault suites
// that run the engine as processes of their own). Integration suites share one PostgreSQL, one Temporal
// dev server and one workflow bundle per run (test/support/global-setup.ts); each gets a fresh database.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true } }];
const moduleNameMapper = {
  '^@app/domain$': '<rootDir>/libs/domain/index.ts',
  '^@app/database$': '<rootDir>/libs/database/index.ts',
  '^@app/config$': '<rootDir>/libs/config/index.ts',
  '^@app/runtime$': '<rootDir>/libs/runtime/index.ts',
  '^@app/webhooks$': '<rootDir>/libs/webhooks/index.ts',
  '^@app/social$': '<rootDir>/libs/social/index.ts',
  '^@app/notify$': '<rootDir>/libs/notify/index.ts',
  '^@app/outbound$': '<rootDir>/libs/outbound/index.ts',
  '^@app/shop$': '<rootDir>/libs/shop/index.ts',
  '^@app/tracing$': '<rootDir>/libs/tracing/index.ts',
  '^@app/moderation$': '<rootDir>/libs/moderation/index.ts',
  '^@app/images$': '<rootDir>/libs/images/index.ts',
};
const common = { rootDir: __dirname, transform: { '^.+\\.ts$': swc }, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,activities,workflows}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      // 60 s for every test and hook unless a suite sets more (test/support/integration-timeout.ts).
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeout.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
