import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Language } from '@/lib/settings';
import type { I18n } from '@/lib/words/translate-from';
import { usePageWords } from './page-words';

const words = (locale: string): I18n => ({ t: (key) => `${locale}:${key}`, locale });

/** A loader whose answers the test hands out, in whatever order it likes. */
function heldLoader() {
  const waiting = new Map<Language, (i18n: I18n) => void>();
  const load = (language: Language) => new Promise<I18n>((resolve) => waiting.set(language, resolve));
  const answer = async (language: Language) => {
    await act(async () => {
      waiting.get(language)?.(words(language === 'auto' ? 'en' : language));
      await Promise.resolve();
    });
  };
  return { load, answer };
}

let show: (language: Language) => void = () => undefined;
function Page({ load }: { load: (language: Language) => Promise<I18n> }) {
  const [i18n, showLanguage] = usePageWords({ language: 'auto', i18n: words('en'), title: 'welcomeTitle', load });
  show = showLanguage;
  return <h1>{i18n.t('welcomeTitle')}</h1>;
}

describe('usePageWords', () => {
  afterEach(() => vi.unstubAllGlobals());

  function mount(load: (language: Language) => Promise<I18n>) {
    const { document } = parseHTML('<!doctype html><html><head><title>Welcome</title></head><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    act(() => render(<Page load={load} />, root));
    return { root, document };
  }

  test('a slower answer for an earlier choice never replaces the words of the latest one', async () => {
    const { load, answer } = heldLoader();
    const { root, document } = mount(load);
    act(() => show('de'));
    act(() => show('sv'));
    await answer('sv');
    await answer('de');
    expect(root.querySelector('h1')?.textContent).toBe('sv:welcomeTitle');
    expect(document.documentElement.lang).toBe('sv');
    expect(document.title).toBe('sv:welcomeTitle');
    render(null, root);
  });

  test('the page’s lang and title change in the same draw as its words, so no reader meets Swedish words marked English', async () => {
    // Answered outside act(), which would run every effect before it returns.
    const { root, document } = mount(async () => words('sv'));
    show('sv');
    // Read at the first moment the words are Swedish, without waiting for effects that run after the paint.
    let text = root.querySelector('h1')?.textContent;
    while (text !== 'sv:welcomeTitle') {
      await new Promise((resolve) => setTimeout(resolve, 1));
      text = root.querySelector('h1')?.textContent;
    }
    const seen = { text, lang: document.documentElement.lang, title: document.title };
    expect(seen).toEqual({ text: 'sv:welcomeTitle', lang: 'sv', title: 'sv:welcomeTitle' });
    render(null, root);
  });

  test('back to the language already shown: a slower answer for the one in between is dropped', async () => {
    const { load, answer } = heldLoader();
    const { root, document } = mount(load);
    act(() => show('de'));
    act(() => show('auto'));
    await answer('auto');
    await answer('de');
    expect(root.querySelector('h1')?.textContent).toBe('en:welcomeTitle');
    expect(document.documentElement.lang).toBe('en');
    render(null, root);
  });
});
