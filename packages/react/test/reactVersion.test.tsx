import { render, screen } from '@testing-library/react';
import { version } from 'react';
import { version as domVersion } from 'react-dom';
import { expect, it } from 'vitest';

// Proves which React each test project really runs (and that react-dom matches it).
it('runs on the React major the project is configured for', async () => {
  const expected = process.env.FEEDKIT_EXPECT_REACT ?? '19';
  expect(version.split('.')[0]).toBe(expected);
  expect(domVersion).toBe(version);
  render(<p>React {version}</p>);
  expect(await screen.findByText(`React ${version}`)).toBeTruthy();
});
