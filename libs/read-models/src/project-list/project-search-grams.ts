/*
 * A part of a text (`q` found by ILIKE) cannot be found by the word index, so without help every
 * row is read. project_list.search_grams holds grams of title, enterprise name and summary, and
 * of their pinyin (search_pinyin, for a `q` of letters only): each Han character, and each pair of
 * adjacent gram characters (Han, ASCII letters and digits, letters lowercased as ILIKE does)
 * within one text or pinyin word. Its GIN index finds the rows holding every gram of `q`, and the
 * ILIKE (or the pinyin's LIKE) then keeps those holding `q` itself. A single letter or digit, and
 * a `q` with any other character, have none: those are searched without the index, as before it
 * existed.
 */

/** Han (CJK Unified Ideographs with Extension A, the compatibility block, Extensions B–G), a-z, 0-9. */
function isGramChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f)
  );
}

const asciiLower = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Code points above this are not characters: a pair is first · PAIR + second (exact in a double). */
const PAIR = 0x110000;
const ASCII = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code));

/**
 * The grams of the texts, each once in the order first met, space-separated (a tsvector's text).
 * Told apart as numbers (a character by its code point, a pair by both), which is several times
 * cheaper than a set of short strings: a rebuild makes this for every project.
 */
export function searchGramsOf(...texts: readonly (string | null)[]): string {
  const seen = new Set<number>();
  const grams: string[] = [];
  for (const text of texts) {
    let previous = -1;
    let previousChar = '';
    for (let i = 0; text !== null && i < text.length;) {
      let code = text.codePointAt(i)!;
      const width = code > 0xffff ? 2 : 1;
      if (code >= 0x41 && code <= 0x5a) code += 0x20; // A-Z as ILIKE sees them
      if (!isGramChar(code)) {
        previous = -1;
        i += width;
        continue;
      }
      const char = code < 0x80 ? ASCII[code] : text.slice(i, i + width);
      i += width;
      if (code >= 0x80 && !seen.has(code)) {
        seen.add(code);
        grams.push(char);
      }
      const pair = previous * PAIR + code;
      if (previous >= 0 && !seen.has(pair)) {
        seen.add(pair);
        grams.push(previousChar + char);
      }
      previous = code;
      previousChar = char;
    }
  }
  return grams.join(' ');
}

/** The gram characters of a text, in order (the others left out). */
function gramChars(text: string): string[] {
  const chars: string[] = [];
  const lower = asciiLower(text);
  for (let i = 0; i < lower.length;) {
    const code = lower.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isGramChar(code)) chars.push(lower.slice(i, i + width));
    i += width;
  }
  return chars;
}

/**
 * The grams every text (or pinyin word) holding `q` has (its pairs, or the Han character itself),
 * as a tsquery's text; null when `q` has none to find it by (see above).
 */
export function searchGramsQueryOf(q: string): string | null {
  const lower = asciiLower(q);
  const chars = gramChars(lower);
  if (chars.length === 0 || chars.join('') !== lower) return null;
  if (chars.length === 1) return chars[0].codePointAt(0)! >= 0x80 ? chars[0] : null;
  return [...new Set(chars.slice(1).map((char, i) => chars[i] + char))].join(' & ');
}
