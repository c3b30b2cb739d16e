import { searchGramsOf as gramsText, searchGramsQueryOf } from './project-search-grams';

/** The grams as a sorted list (stored as a tsvector's text, space-separated). */
const searchGramsOf = (...texts: (string | null)[]) =>
  gramsText(...texts)
    .split(' ')
    .filter(Boolean)
    .sort();
/** The grams a query needs, sorted (null: searched without them). */
const queryGrams = (q: string) => searchGramsQueryOf(q)?.split(' & ').sort() ?? null;

describe('project search grams', () => {
  it('are each Han character and each pair of adjacent Han characters, ASCII letters and digits, letters lowercased', () => {
    expect(searchGramsOf('海洋牧场', null, '5G基站')).toEqual(
      ['海', '洋', '牧', '场', '海洋', '洋牧', '牧场', '5g', 'g基', '基', '站', '基站'].sort(),
    );
    // No pair across two texts or across any other character; each gram once.
    expect(searchGramsOf('青岛', '岛城')).toEqual(['城', '岛', '岛城', '青', '青岛']);
    expect(searchGramsOf('港口·港口', 'A B')).toEqual(['口', '港', '港口']);
    expect(searchGramsOf('Café', '')).toEqual(['af', 'ca']);
    // Pinyin words (space-separated) give their pairs, none across two words.
    expect(searchGramsOf('港晟', 'gangsheng gs')).toEqual([
      'an',
      'en',
      'ga',
      'gs',
      'he',
      'ng',
      'sh',
      '晟',
      '港',
      '港晟',
    ]);
  });

  it('count a character outside the basic block (Extension B) as one character', () => {
    expect(searchGramsOf('𠀀海')).toEqual(['海', '𠀀', '𠀀海'].sort());
  });

  it('of a query are its pairs, or the Han character alone', () => {
    expect(queryGrams('海洋牧场')).toEqual(['洋牧', '海洋', '牧场']);
    expect(queryGrams('港港港')).toEqual(['港港']);
    expect(queryGrams('港')).toEqual(['港']);
    expect(queryGrams('5G基站')).toEqual(['5g', 'g基', '基站'].sort());
    expect(queryGrams('2024')).toEqual(['02', '20', '24']);
    // Letters only (text or pinyin) too.
    expect(queryGrams('GangSheng')).toEqual(['an', 'en', 'ga', 'gs', 'he', 'ng', 'sh']);
    expect(queryGrams('VR')).toEqual(['vr']);
  });

  it('of a query are none (null) for one letter or digit, or any other character', () => {
    for (const q of ['a', '5', '海洋 牧场', 'e-commerce', '100%_', '港。']) expect(searchGramsQueryOf(q)).toBeNull();
  });

  it('of a query are among the grams of every text that holds it, in any letter case', () => {
    const text = '青岛5G智慧Port2024项目';
    for (let start = 0; start < text.length; start++)
      for (let end = start + 1; end <= text.length; end++) {
        const part = text.slice(start, end);
        for (const q of [part, part.toLowerCase(), part.toUpperCase()]) {
          const grams = queryGrams(q);
          if (grams) expect(searchGramsOf(text)).toEqual(expect.arrayContaining(grams));
        }
      }
    expect(queryGrams('智慧Port2')).not.toBeNull(); // the loop above met queries with grams
  });
});
