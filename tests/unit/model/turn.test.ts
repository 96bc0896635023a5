import { whoseTurn } from '@/lib/model/turn';

describe('whoseTurn', () => {
  it('says whose turn it is from the latest touch, and nothing before any', () => {
    expect(whoseTurn({ direction: 'in' })).toBe('They reached out last: your turn');
    expect(whoseTurn({ direction: 'out' })).toBe('You reached out last: their turn');
    expect(whoseTurn(undefined)).toBeNull();
  });
});
