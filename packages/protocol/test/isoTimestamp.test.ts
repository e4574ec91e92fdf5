import { describe, expect, it } from 'vitest';
import { isoTimestamp } from '../src/core/isoTimestamp';
import { isoSpellings } from './support/drift';

describe('isoTimestamp reads the spellings real servers emit', () => {
  it.each([
    ...isoSpellings,
    '2025-06-20t15:30:45z',
    '2025-06-20T15:30Z',
    '2025-06-20T15:30:45,5+02',
  ])('accepts %s', (value) => {
    expect(isoTimestamp.safeParse(value).success).toBe(true);
  });

  it.each(['2025-06-20', '15:30:45', 'yesterday', '2025-06-20T15:30:45ZZ', '1750433445', ''])(
    'refuses %s',
    (value) => {
      expect(isoTimestamp.safeParse(value).success).toBe(false);
    },
  );
});
