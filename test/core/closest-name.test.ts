import { describe, expect, it } from 'vitest';
import { closestName, editDistance } from '../../lib/core/closest-name';

describe('closestName', () => {
  it('finds the closest name', () => {
    expect(closestName('jobb', ['job', 'instance'])).toBe('job');
  });

  it('ignores letter case', () => {
    expect(editDistance('Job', 'job')).toBe(0);
    expect(closestName('NameSpace', ['name', 'namespace'])).toBe('namespace');
  });

  it('takes the first in sorted order on a tie, whatever the order given', () => {
    expect(closestName('cat', ['hat', 'bat'])).toBe('bat');
    expect(closestName('cat', ['bat', 'hat'])).toBe('bat');
  });

  it('suggests nothing past maxDistance, or when nothing is known', () => {
    expect(closestName('schedule', ['name', 'key'], { maxDistance: 2 })).toBeUndefined();
    expect(closestName('nmae', ['name', 'key'], { maxDistance: 2 })).toBe('name');
    expect(closestName('x', [])).toBeUndefined();
  });
});
