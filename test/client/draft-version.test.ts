import { describe, expect, it } from 'vitest';
import { anchorOnVersion, chooseVersion, guessVersion, placementFetchDecision, PLACEMENT_MAX_STUCK, versionHash, type PlacementFetchState } from '../../client/review/draft-version';
import { clauseHash, parseRoute } from '../../client/router';
import type { TextAnchor } from '../../shared/review-model';

/** Issue 16: which version of the draft the workbench opens, its address, and when placements are asked again. */
const ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

describe('the address of a review at a version', () => {
  it('reads the version, the clause, both or neither', () => {
    expect(parseRoute(`#/reviews/${ID}`)).toEqual({ name: 'review', id: ID });
    expect(parseRoute(`#/reviews/${ID}/version/2`)).toEqual({ name: 'review', id: ID, version: 2 });
    expect(parseRoute(`#/reviews/${ID}/version/1`)).toEqual({ name: 'review', id: ID, version: 1 });
    expect(parseRoute(`#/reviews/${ID}/clause/a1.p2`)).toEqual({ name: 'review', id: ID, clause: 'a1.p2' });
    expect(parseRoute(`#/reviews/${ID}/version/3/clause/a12-1.p1`)).toEqual({ name: 'review', id: ID, clause: 'a12-1.p1', version: 3 });
  });

  it('refuses a version 0 or a word, and keeps the other routes', () => {
    expect(parseRoute(`#/reviews/${ID}/version/0`)).toEqual({ name: 'list' });
    expect(parseRoute(`#/reviews/${ID}/version/two`)).toEqual({ name: 'list' });
    expect(parseRoute(`#/reviews/${ID}/versions`)).toEqual({ name: 'versions', id: ID });
    expect(parseRoute(`#/reviews/${ID}/readings/2`)).toEqual({ name: 'reading', id: ID, seq: 2 });
    expect(parseRoute(`#/reviews/${ID}/versions/3`)).toEqual({ name: 'versions', id: ID, to: 3 });
    expect(parseRoute(`#/reviews/${ID}/versions/1`)).toEqual({ name: 'list' });
  });

  it('makes addresses that read back the same', () => {
    expect(versionHash(ID, undefined)).toBe(`#/reviews/${ID}`);
    expect(parseRoute(versionHash(ID, 4))).toEqual({ name: 'review', id: ID, version: 4 });
    expect(parseRoute(clauseHash(ID, 'a1.p1', 2))).toEqual({ name: 'review', id: ID, clause: 'a1.p1', version: 2 });
    expect(parseRoute(clauseHash(ID, 'ст 5/1'))).toEqual({ name: 'review', id: ID, clause: 'ст 5/1' });
  });
});

describe('chooseVersion', () => {
  it('opens the latest by default, the requested one when it exists', () => {
    expect(chooseVersion({ requested: undefined, listed: [1, 2, 3], remembered: null })).toBe(3);
    expect(chooseVersion({ requested: 2, listed: [1, 2, 3], remembered: { latest: 3, opened: 3 } })).toBe(2);
    expect(chooseVersion({ requested: 1, listed: [1, 2], remembered: null })).toBe(1);
  });

  it('falls back to the latest for a version the review does not have', () => {
    expect(chooseVersion({ requested: 7, listed: [1, 2], remembered: null })).toBe(2);
  });

  it('a review with its first import only is version 1', () => {
    expect(chooseVersion({ requested: undefined, listed: [1], remembered: null })).toBe(1);
    expect(chooseVersion({ requested: undefined, listed: [], remembered: { latest: 2, opened: 2 } })).toBe(1);
  });

  it('offline: the requested version, else the last opened here, else 1', () => {
    expect(chooseVersion({ requested: undefined, listed: null, remembered: { latest: 3, opened: 2 } })).toBe(2);
    expect(chooseVersion({ requested: 3, listed: null, remembered: { latest: 3, opened: 2 } })).toBe(3);
    expect(chooseVersion({ requested: undefined, listed: null, remembered: null })).toBe(1);
  });

  it('guesses the docs to open early from the address, else the latest known', () => {
    expect(guessVersion(undefined, null)).toBe(1);
    expect(guessVersion(undefined, { latest: 3, opened: 1 })).toBe(3);
    expect(guessVersion(2, { latest: 3, opened: 1 })).toBe(2);
  });
});

describe('anchorOnVersion', () => {
  const anchor: TextAnchor = { clauseId: 'a1.p1', quote: { exact: 'слово', prefix: '', suffix: '' } };
  it('marks a later version and leaves version 1 records as they always were', () => {
    expect(anchorOnVersion(anchor, 2)).toEqual({ ...anchor, draftVersion: 2 });
    expect(anchorOnVersion(anchor, 1)).toBe(anchor);
    expect('draftVersion' in anchorOnVersion(anchor, 1)).toBe(false);
  });
});

describe('placementFetchDecision', () => {
  const base: PlacementFetchState = { pending: [], localChange: false, inFlight: false, lastAt: null, stuck: { ids: '', times: 0 }, now: 10_000 };

  it('asks nothing when nothing waits and nothing changed', () => {
    expect(placementFetchDecision(base)).toBe('no');
    expect(placementFetchDecision({ ...base, lastAt: 9_999 })).toBe('no');
  });

  it('asks for pending annotations, at most every two seconds', () => {
    expect(placementFetchDecision({ ...base, pending: ['a'] })).toBe('now');
    expect(placementFetchDecision({ ...base, pending: ['a'], lastAt: 9_000 })).toBe('later');
    expect(placementFetchDecision({ ...base, pending: ['a'], lastAt: 8_000 })).toBe('now');
    expect(placementFetchDecision({ ...base, localChange: true, lastAt: 9_500 })).toBe('later');
  });

  it('never two at once', () => {
    expect(placementFetchDecision({ ...base, pending: ['a'], inFlight: true })).toBe('no');
  });

  it('stops asking when the same ones stay pending, until something changes', () => {
    const stuck = { ids: 'a,b', times: PLACEMENT_MAX_STUCK };
    expect(placementFetchDecision({ ...base, pending: ['b', 'a'], stuck })).toBe('no');
    expect(placementFetchDecision({ ...base, pending: ['b', 'a'], stuck: { ...stuck, times: PLACEMENT_MAX_STUCK - 1 } })).toBe('now');
    expect(placementFetchDecision({ ...base, pending: ['a', 'c'], stuck })).toBe('now');
    expect(placementFetchDecision({ ...base, pending: ['a', 'b'], stuck, localChange: true })).toBe('now');
  });
});
