import { isValidUnifiedSocialCreditCode } from './unified-social-credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it("accepts the standard's worked example, whose check character is 3", () => {
    expect(isValidUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
  });

  it.each(['91370200163562681G', '914403001922038216', '9144030071526726XG', '91110000100011743X'])(
    'accepts the published code %s of a registered enterprise',
    (code) => {
      expect(isValidUnifiedSocialCreditCode(code)).toBe(true);
    },
  );

  it('maps a check value of 31 to 0', () => {
    // All zeros: the weighted sum is 0, so 31 - 0 = 31, written as 0.
    expect(isValidUnifiedSocialCreditCode('000000000000000000')).toBe(true);
  });

  it.each([
    ['a wrong check character', '91350100M000100Y44'],
    ['the letter Z, which the code set leaves out', '91350100M000100Y4Z'],
    ['the letter I', '91350100M00010IY43'],
    ['lower-case letters', '91350100m000100y43'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['two swapped characters', '19350100M000100Y43'],
  ])('rejects %s', (_, code) => {
    expect(isValidUnifiedSocialCreditCode(code)).toBe(false);
  });
});
