import { expectTypeOf, it } from 'vitest';
import type { Adapter, KnownSystem, SystemName } from '../src/index';

it('a sixth system needs no edit of a closed union', () => {
  expectTypeOf<'sixth'>().toExtend<SystemName>();
  expectTypeOf<KnownSystem>().toExtend<SystemName>();
  expectTypeOf<KnownSystem>().toEqualTypeOf<
    'veloflux' | 'plataforma-e' | 'helios' | 'active-immune-core' | 'takhin'
  >();
  const sixth: Pick<Adapter<never, never>, 'system'> = { system: 'sixth' };
  expectTypeOf(sixth.system).toEqualTypeOf<SystemName>();
});
