/**
 * Words that say a common word names something other than an exchange: AI products, software, games,
 * drinks, the sky and the sea, temperature, travel. Beside one of these a common-word brand is left alone
 * where little bait would otherwise do (`gemini-ai-guide`, `kraken-rum-cocktails`, `voyager-travels`).
 */
const otherUseWords: readonly string[] = [
  'ai',
  'gpt',
  'chat',
  'chatbot',
  'bot',
  'llm',
  'prompt',
  'bard',
  'google',
  'api',
  'sdk',
  'js',
  'cli',
  'clone',
  'game',
  'gaming',
  'rpg',
  'rum',
  'beer',
  'brew',
  'brewing',
  'brewery',
  'cocktail',
  'recipe',
  'robotics',
  'robot',
  'zodiac',
  'horoscope',
  'astrology',
  'nasa',
  'space',
  'mission',
  'probe',
  'squid',
  'octopus',
  'monster',
  'converter',
  'temperature',
  'weather',
  'travel',
  'cooler',
  'git',
  'seattle',
  'hockey',
  'nhl',
  'drink',
  'energy',
  'fitness',
  'protocol',
  'capsule',
  'trek',
  'theatre',
  'theater',
  'pub',
];
const otherUseSet: ReadonlySet<string> = new Set(otherUseWords);

export function isOtherUse(word: string): boolean {
  return otherUseSet.has(word) || (word.length > 3 && word.endsWith('s') && otherUseSet.has(word.slice(0, -1)));
}

/** Whether letters glued to a brand begin (after it) or end (before it) with an other-use word: `geminiaitools`, `krakengames`. */
export function gluedOtherUse(affix: string, isSuffix: boolean): boolean {
  if (affix === '') return false;
  for (const word of otherUseWords) {
    if (word.length < 3 && affix !== word) continue;
    if (isSuffix ? affix.startsWith(word) : affix.endsWith(word)) return true;
  }
  return false;
}
