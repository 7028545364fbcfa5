/**
 * Test-only entry: mounts SharePanel on a plain page, the way the embed bundle mounts the card,
 * so the panel can be driven in Chromium without the extension. Built by share.e2e.ts.
 */
import { render } from 'preact';
import { SharePanel } from '../../components/SharePanel';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import type { ExchangeView } from '../../lib/view/exchange-view';
import cardCss from '../../components/card.css?inline';
import controlsCss from '../../components/controls.css?inline';
import shareCss from '../../components/share-panel.css?inline';
import en from '../../public/_locales/en/messages.json';
import sv from '../../public/_locales/sv/messages.json';

interface ShareHarness {
  copied: string[];
  copiedImages: { type: string; size: number }[];
  mount(view: ExchangeView, now: string, language: 'en' | 'sv', options?: { failCopy?: boolean; withImageCopy?: boolean }): void;
}

const harness: ShareHarness = {
  copied: [],
  copiedImages: [],
  mount(view, now, language, options = {}) {
    const style = document.createElement('style');
    style.textContent = `${cardCss}\n${controlsCss}\n${shareCss}`;
    document.head.append(style);
    const root = document.createElement('div');
    root.className = 'rr-theme';
    root.style.maxWidth = '520px';
    document.body.append(root);
    render(
      <I18nContext.Provider value={{ t: translateFrom((language === 'sv' ? sv : en) as Messages), locale: language }}>
        <SharePanel
          view={view}
          now={new Date(now)}
          onCopy={(text) => {
            if (options.failCopy === true) return Promise.reject(new Error('clipboard refused'));
            harness.copied.push(text);
            return Promise.resolve();
          }}
          {...(options.withImageCopy === false
            ? {}
            : {
                onCopyImage: (blob: Blob) => {
                  harness.copiedImages.push({ type: blob.type, size: blob.size });
                },
              })}
        />
      </I18nContext.Provider>,
      root,
    );
  },
};

(globalThis as unknown as { shareHarness: ShareHarness }).shareHarness = harness;
