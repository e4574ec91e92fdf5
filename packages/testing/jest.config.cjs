/**
 * Jest runs the built package (`pnpm build` first) as a Jest user's project
 * would, in ESM mode (`node --experimental-vm-modules`): msw 2.13+ cannot be
 * loaded by Jest's CommonJS runtime on Node 20.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/jest'],
  testMatch: ['**/*.jest.test.mjs'],
  transform: {},
};
