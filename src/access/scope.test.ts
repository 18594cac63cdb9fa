import { describe, expect, it } from 'vitest';
import { covers, overlaps, parseScope, residentInScope, residentsWithin } from './scope.js';

const county = '320612';
const town = '320612100';
const village = '320612100201';

describe('data scope', () => {
  it('covers its own subtree only', () => {
    const t = parseScope(town);
    expect(covers(t, `${town}201`)).toBe(true);
    expect(covers(t, town)).toBe(true);
    expect(covers(t, county)).toBe(false);
    expect(covers(t, '320612101201')).toBe(false);
    expect(overlaps(t, county)).toBe(true);
    expect(overlaps(t, '320613')).toBe(false);
    expect(covers(parseScope(null), '110101')).toBe(true);
    expect(covers(parseScope('320600'), county)).toBe(true); // a city covers its counties
  });

  it('narrows residents to the village prefix, or refuses the county', () => {
    expect(residentsWithin(parseScope(county), county)).toEqual({ county, within: null, facilityId: null });
    expect(residentsWithin(parseScope(town), county)).toEqual({ county, within: town, facilityId: null });
    expect(residentsWithin(parseScope(village), county)).toEqual({
      county,
      within: village,
      facilityId: null,
    });
    // A facility scope carries its facility: the queries keep only its patients.
    expect(residentsWithin(parseScope(town, 7), county)).toEqual({ county, within: town, facilityId: 7 });
    expect(residentsWithin(parseScope(village), '320613')).toBeNull();
    expect(residentInScope(parseScope(town), county, village)).toBe(true);
    expect(residentInScope(parseScope(town), county, '320612101201')).toBe(false);
    // A patient from outside the county has no village: only a county-wide scope sees them.
    expect(residentInScope(parseScope(town), county, null)).toBe(false);
    expect(residentInScope(parseScope(county), county, null)).toBe(true);
  });

  it('refuses malformed scopes and a facility without its region', () => {
    for (const code of ['3206', '32061210', '999999', '320612000201x']) {
      expect(() => parseScope(code), code).toThrow(/region code/);
    }
    expect(() => parseScope(null, 7)).toThrow(/facility/);
    expect(parseScope(town, 7)).toEqual({ regionCode: town, facilityId: 7 });
  });
});
