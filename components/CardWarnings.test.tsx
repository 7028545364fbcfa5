import { render } from 'preact';
import { describe, expect, test } from 'vitest';
import type { ActiveWarning } from '../lib/community/active-warnings';
import { listWarning } from '../lib/community/active-warning.testkit';
import { getExchange } from '../lib/exchanges/registry';
import { buildExchangeView, type ExchangeView } from '../lib/view/exchange-view';
import { pillFace } from '../lib/view/first-paint-view';
import { reasonText } from '../lib/words/reason-text';
import { I18nContext, ReasonWordsContext, translateFrom, type Messages } from '../utils/i18n';
import { ExchangeCard } from './ExchangeCard';
import { Pill } from './Pill';
import { effectsOnNextTask, page, settle } from './test-dom';
import { localeMessages } from '../utils/locale-files.testkit';

effectsOnNextTask();

const LOCALES = ['en', 'sv', 'es', 'pt_BR', 'fr', 'de', 'tr', 'zh_CN'];
const now = new Date('2026-12-04T12:00:00Z');
const messagesOf = (locale: string) => localeMessages(locale);

function warning(severity: ActiveWarning['severity'], title: string): ActiveWarning {
  return listWarning({ exchange: 'kraken', severity, title, sources: ['https://example.org/report'], published: '2026-12-01T00:00:00Z', listName: 'Reserve Radar Official' });
}

/** Kraken with no figures (its reasons are unknowns) and one warning of each severity, each with the same shape of text. */
function kraken(warnings: readonly ActiveWarning[]): ExchangeView {
  return buildExchangeView({ exchange: getExchange('kraken')!, reserves: undefined, now, warnings });
}
const threeKinds = [warning('danger', 'Withdrawals halted'), warning('caution', 'Slow withdrawals'), warning('info', 'Maintenance note')];

function drawCard(view: ExchangeView, locale = 'en') {
  const dom = page();
  const messages = messagesOf(locale);
  render(
    <I18nContext.Provider value={{ t: translateFrom(messages), locale: locale.replace('_', '-') }}>
      <ReasonWordsContext.Provider value={reasonText}>
        <ExchangeCard view={view} />
      </ReasonWordsContext.Provider>
    </I18nContext.Provider>,
    dom.root,
  );
  return { ...dom, messages };
}

const say = (messages: Messages, key: string) => messages[key]?.message ?? `(no ${key})`;

describe('community warnings on the card: severity in words, not colour alone (WCAG 1.4.1)', () => {
  test('each warning, in the lead and in the details, starts with its severity in words, in every language', () => {
    for (const locale of LOCALES) {
      const { root, messages } = drawCard(kraken(threeKinds), locale);
      const words = { danger: say(messages, 'warningSeverity_danger'), caution: say(messages, 'warningSeverity_caution'), info: say(messages, 'warningSeverity_info') };
      expect(new Set(Object.values(words)).size, locale).toBe(3);
      const inDetails = [...root.querySelectorAll('[data-testid="card-warnings"] li[data-severity]')];
      expect(
        inDetails.map((item) => item.getAttribute('data-severity')),
        locale,
      ).toEqual(['danger', 'caution', 'info']);
      // A full-width colon carries its own space: "危险：提币暂停", never "危险： 提币暂停".
      const gap = locale === 'zh_CN' ? '' : ' ';
      for (const item of inDetails) {
        const severity = item.getAttribute('data-severity') as keyof typeof words;
        expect(item.textContent?.startsWith(`${words[severity]}${gap}`), `${locale} ${item.textContent}`).toBe(true);
        expect(item.textContent?.startsWith(`${words[severity]}${gap} `), `${locale} ${item.textContent}`).toBe(false);
        // Visible: not the visually hidden class, drawn as text beside the title.
        expect(item.querySelector('.visually-hidden'), locale).toBeNull();
      }
      const lead = [...root.querySelectorAll('[data-testid="card-reasons"] li[data-kind="warning"]')];
      expect(lead.length, locale).toBeGreaterThan(0);
      for (const item of lead) {
        const severity = item.getAttribute('data-effect') as keyof typeof words;
        expect(item.textContent?.startsWith(`${words[severity]}${gap}`), `${locale} ${item.textContent}`).toBe(true);
        expect(item.textContent?.startsWith(`${words[severity]}${gap} `), `${locale} ${item.textContent}`).toBe(false);
      }
    }
  });

  test('each warning names the host the list was fetched from beside the name the list gives itself', () => {
    for (const locale of LOCALES) {
      const { root } = drawCard(kraken(threeKinds), locale);
      const items = [...root.querySelectorAll('[data-testid="card-warnings"] li[data-severity]'), ...root.querySelectorAll('[data-testid="card-reasons"] li[data-kind="warning"]')];
      expect(items.length, locale).toBeGreaterThan(3);
      for (const item of items) {
        expect(item.textContent, locale).toContain('Reserve Radar Official');
        expect(item.textContent, locale).toContain('lists.example.org');
      }
    }
  });

  test('two lists that give themselves the same name stay apart: one item each, told apart by host', () => {
    const other = { ...warning('danger', 'Withdrawals halted'), listHost: 'evil.example' };
    const { root } = drawCard(kraken([warning('danger', 'Withdrawals halted'), other]));
    const items = [...root.querySelectorAll('[data-testid="card-warnings"] li[data-severity]')].map((item) => item.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.includes('evil.example'))).toHaveLength(1);
  });
});

describe('the pill counts the warnings that warn: danger and caution, not notes', () => {
  test('its face counts danger and caution only; the card still lists every warning', () => {
    expect(pillFace(kraken(threeKinds)).warnings).toBe(2);
    expect(pillFace(kraken([warning('info', 'A'), warning('info', 'B')])).warnings).toBe(0);
    const { root } = drawCard(kraken(threeKinds));
    expect(root.querySelectorAll('[data-testid="card-warnings"] li[data-severity]')).toHaveLength(3);
  });

  async function drawPill(view: ExchangeView) {
    const dom = page();
    const t = translateFrom(messagesOf('en'));
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <Pill view={view} corner="bottom-right" initiallyExpanded={false} onClose={() => undefined} onCornerChange={() => undefined} onSnooze={() => undefined} onWithdraw={() => undefined} />
      </I18nContext.Provider>,
      dom.root,
    );
    await settle();
    return dom;
  }

  test('the pill drawn from a view: "⚠ 2" and "2 community warnings rated danger or caution" for a danger, a caution and a note; nothing for notes alone', async () => {
    const { $ } = await drawPill(kraken(threeKinds));
    expect($('pill-warnings')?.textContent).toBe('⚠ 2');
    expect($('pill-warnings')?.getAttribute('title')).toBe('2 community warnings rated danger or caution');
    expect($('pill-toggle')?.getAttribute('aria-label')).toContain('2 community warnings rated danger or caution');
    const notes = await drawPill(kraken([warning('info', 'A')]));
    expect(notes.$('pill-warnings')).toBeNull();
    expect(notes.$('pill-toggle')?.getAttribute('aria-label')).not.toContain('community warning');
  });

  test('the count says what it counts, in every language: the card\'s own words for danger and caution, so three listed beside "2" is no surprise', () => {
    const bare = (word: string) => word.replace(/[\s\u00a0:：]+$/u, '').toLocaleLowerCase();
    for (const locale of LOCALES) {
      const messages = messagesOf(locale);
      for (const key of ['pillWarnings', 'pillWarningsOne']) {
        const count = say(messages, key).toLocaleLowerCase();
        expect(count, `${locale} ${key}`).toContain(bare(say(messages, 'warningSeverity_danger')));
        expect(count, `${locale} ${key}`).toContain(bare(say(messages, 'warningSeverity_caution')));
      }
    }
  });
});

describe('warning lists that could not be checked', () => {
  test('the card says so in plain words, in every language: no section is no claim that nothing is listed', () => {
    const unread = buildExchangeView({ exchange: getExchange('kraken')!, reserves: undefined, now, warnings: 'unread' });
    for (const locale of LOCALES) {
      const { root, messages } = drawCard(unread, locale);
      expect(root.querySelector('[data-testid="card-warnings"]')?.textContent, locale).toContain(say(messages, 'warningListsUnread'));
    }
    // Lists read, nothing listed: no section, as before.
    expect(drawCard(kraken([])).root.querySelector('[data-testid="card-warnings"]')).toBeNull();
  });
});
