import { describe, expect, test } from 'vitest';
import { localeMessages } from '../utils/locale-files.testkit';

/**
 * Lookalike protection asks for `tabs` (utils/permissions.ts): what every sentence about that permission says is
 * what is asked, reading the addresses of open tabs, in every language; none says "access to all sites".
 */
const PERMISSION_KEYS = ['lookalikeProtectionBody', 'welcomeProtectionAsk', 'resetBody', 'resetDonePermissionsKept', 'deleteBody', 'deleteDonePermissionsKept'];
/** Says why Chrome withholds the data sites: one cause is giving back an access to all sites granted to an earlier release. */
const ABOUT_EARLIER_GRANTS = ['hostAccessWithheld'];

/** Per locale: the words for "the addresses of your open tabs", and the old words for "all sites". */
const WORDS: Record<string, { tabs: string; allSites: RegExp }> = {
  en: { tabs: 'addresses of your open tabs', allSites: /all (web)?sites/i },
  de: { tabs: 'Adressen Ihrer offenen Tabs', allSites: /alle(n)? Websites/i },
  es: { tabs: 'direcciones de tus pestañas abiertas', allSites: /todos los sitios/i },
  fr: { tabs: 'adresses de vos onglets ouverts', allSites: /tous les sites/i },
  pt_BR: { tabs: 'endereços das suas abas abertas', allSites: /todos os sites/i },
  sv: { tabs: 'adresserna i dina öppna flikar', allSites: /alla (sajter|webbplatser)/i },
  tr: { tabs: 'sekmelerinizin adresleri', allSites: /tüm (web )?sitelere/i },
  zh_CN: { tabs: '已打开标签页', allSites: /所有网站/ },
};

const messages = (locale: string) => localeMessages(locale);

describe.each(Object.entries(WORDS))('%s: the lookalike permission in words', (locale, words) => {
  test.each(PERMISSION_KEYS)('%s names the addresses of open tabs', (key) => {
    expect(messages(locale)[key]?.message).toContain(words.tabs);
  });

  test('no message says the extension has or asks for access to all sites', () => {
    const said = Object.entries(messages(locale)).filter(([key, { message }]) => !ABOUT_EARLIER_GRANTS.includes(key) && words.allSites.test(message));
    expect(said.map(([key]) => key)).toEqual([]);
  });
});
