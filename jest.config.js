export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Scanned inputs, not modules: their package.json files would collide in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/__fixtures__/', '<rootDir>/examples/', '<rootDir>/.bench/', '<rootDir>/dist/'],
  testTimeout: 60000,
}
