/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015 "法人和其他组织统一社会信用代码编码规则".
 *
 * 18 characters from the code set 0-9 and A-Z without I, O, Z, S, V (31 characters, valued 0..30
 * in that order). The 18th is the check character over the first 17, computed as the standard
 * specifies (a GB/T 17710 / ISO 7064 style MOD 31 check):
 *
 *   C18 = 31 - MOD(Σ Ci × Wi, 31), i = 1..17, with Wi = MOD(3^(i-1), 31); a result of 31 means 0.
 *
 * The standard's own example: 91350100M000100Y4? has check character 3.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

export function isValidUnifiedSocialCreditCode(code: string): boolean {
  if (!FORMAT.test(code)) return false;
  const sum = [...code.slice(0, 17)].reduce((total, char, i) => total + CHARSET.indexOf(char) * WEIGHTS[i], 0);
  return code[17] === CHARSET[(31 - (sum % 31)) % 31];
}
