import {describe, expect, it} from 'vitest';
import {headingSlug} from './page';

describe('headingSlug', () => {
  it('makes a readable id that starts with "lab", never a generated one', () => {
    expect(headingSlug('Lab: Aurora with a replica loses zone a')).toBe('lab-aurora-with-a-replica-loses-zone-a');
    expect(headingSlug('Two stateless tasks lose a zone')).toBe('lab-two-stateless-tasks-lose-a-zone');
    expect(headingSlug("Today's checkout design, zone use1-az1 lost")).toBe('lab-today-s-checkout-design-zone-use1-az1-lost');
    expect(headingSlug('')).toBe('lab');
  });
});
