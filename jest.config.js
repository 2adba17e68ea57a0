/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Real servers, processes and browsers on a 2-core machine running suites in parallel: 5 s is too tight.
  testTimeout: 20_000,
  transform: {
    // Transpile only (isolatedModules in tsconfig.test.json): `npm run lint` type-checks the tests, so each run need not.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
    // eld (language identification) is published as ES modules only; Node loads it natively, jest needs it as CommonJS.
    '/node_modules/eld/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!eld/)'],
};
