/** Where a large dataset's overview sums its figures: the deepest place all its bodies share. */
import { describe, expect, it } from 'vitest';
import { commonPlace } from '../../src/lib/overview/scale';

describe('the overview place of a large dataset', () => {
  it('is the whole country when the bodies span provinces', () => {
    expect(commonPlace('110101', '650000')).toBe('');
    expect(commonPlace('32', '33')).toBe('');
  });

  it('is the province, city or county every body lies in, cut back to a whole level', () => {
    expect(commonPlace('33', '331082105')).toBe('33');
    expect(commonPlace('3301', '330199')).toBe('3301');
    // 3301 and 3302 share 330: not a place, so the province.
    expect(commonPlace('330101', '330299')).toBe('33');
    expect(commonPlace('230183', '230183104')).toBe('230183');
    // Two townships of one county: the county, never a township itself.
    expect(commonPlace('230183101', '230183104')).toBe('230183');
    expect(commonPlace('230183101', '230183101')).toBe('230183');
  });

  it('is the whole country without coded bodies', () => {
    expect(commonPlace(null, null)).toBe('');
    expect(commonPlace('', '')).toBe('');
  });
});
