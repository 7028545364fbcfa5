import { useEffect, useRef, useState } from 'preact/hooks';
import type { Language } from '../lib/settings';
import { LanguagePicker } from './LanguagePicker';
import { useT } from '../utils/i18n';

/** Lookalike protection as the welcome page tracks it through the user's one click. */
export type ProtectionState = 'off' | 'asking' | 'on' | 'declined' | 'failed';

export interface WelcomeProps {
  language: Language;
  /** Shows and stores the language; resolves false when it could not be stored and the page went back. */
  onLanguage: (language: Language) => Promise<boolean>;
  /** Whether protection is already on when the page opens (setting and permission both). */
  protectionOn: boolean;
  /**
   * Asks the browser for the broad permission and turns protection on; resolves whether it was
   * granted. Called synchronously from the click: browsers accept the request only there.
   */
  onTurnOnProtection: () => Promise<boolean>;
  /** The options page's holdings section. */
  holdingsHref: string;
}

/** The first page after install: what Reserve Radar does, what it never does, and the few choices worth making now. */
export function Welcome({ language, onLanguage, protectionOn, onTurnOnProtection, holdingsHref }: WelcomeProps) {
  const t = useT();
  const [protection, setProtection] = useState<ProtectionState>(protectionOn ? 'on' : 'off');
  // Follows protection as it stands: turned on in the options page, or the access taken away in the
  // browser's own settings while this page is open.
  const shownFor = useRef(protectionOn);
  useEffect(() => {
    if (shownFor.current === protectionOn) return;
    shownFor.current = protectionOn;
    setProtection((now) => (protectionOn ? 'on' : now === 'on' ? 'off' : now));
  }, [protectionOn]);
  // Only the latest pick's answer counts: an older one's failure is not this pick's.
  const [languageFailed, setLanguageFailed] = useState(false);
  const picks = useRef(0);
  const pickLanguage = (next: Language) => {
    const pick = ++picks.current;
    setLanguageFailed(false);
    void onLanguage(next).then((saved) => {
      if (pick === picks.current) setLanguageFailed(!saved);
    });
  };
  const result = useRef<HTMLParagraphElement>(null);
  // The button goes once protection is on; the focus goes to the sentence that says so.
  const [moveFocus, setMoveFocus] = useState(false);
  useEffect(() => {
    if (!moveFocus) return;
    result.current?.focus();
    setMoveFocus(false);
  }, [moveFocus]);

  // Busy while the browser asks, not disabled: a disabled button would drop the keyboard focus to
  // the page's body. The focus stays on it and is there again when the browser's dialog closes.
  const turnOn = () => {
    if (protection === 'asking') return;
    setProtection('asking');
    onTurnOnProtection().then(
      (granted) => {
        setProtection(granted ? 'on' : 'declined');
        if (granted) setMoveFocus(true);
      },
      () => setProtection('failed'),
    );
  };

  const resultText: Record<ProtectionState, string> = {
    off: '',
    asking: t('welcomeProtectionAsking'),
    on: t('welcomeProtectionOn'),
    declined: t('welcomeProtectionDeclined'),
    failed: t('welcomeProtectionFailed'),
  };

  return (
    <div class="welcome" data-testid="welcome">
      <header class="welcome__header">
        <h1>{t('welcomeTitle')}</h1>
        <LanguagePicker value={language} onChange={pickLanguage} testId="welcome-language" />
      </header>
      <p role="alert" class="welcome__language-failed" data-testid="welcome-language-failed">
        {languageFailed ? t('languageNotSaved') : ''}
      </p>

      <p class="welcome__lead" data-testid="welcome-does">
        {t('welcomeDoes')}
      </p>

      <section aria-labelledby="never-title">
        <h2 id="never-title">{t('welcomeNeverTitle')}</h2>
        <ul class="welcome__never" data-testid="welcome-never">
          <li>{t('welcomeNeverMoney')}</li>
          <li>{t('welcomeNeverForms')}</li>
          <li>{t('welcomeNeverData')}</li>
        </ul>
      </section>

      <section aria-labelledby="protection-title" class="welcome__step" data-testid="welcome-protection" data-state={protection}>
        <h2 id="protection-title">{t('lookalikeProtectionTitle')}</h2>
        <p>{t('welcomeProtectionWhy')}</p>
        {protection !== 'on' && (
          <>
            <p id="protection-ask">{t('welcomeProtectionAsk')}</p>
            <button
              type="button"
              class="primary"
              aria-describedby="protection-ask"
              aria-disabled={protection === 'asking' ? 'true' : undefined}
              aria-busy={protection === 'asking' ? 'true' : undefined}
              onClick={turnOn}
              data-testid="welcome-protection-on"
            >
              {t('welcomeProtectionButton')}
            </button>
          </>
        )}
        <p ref={result} tabIndex={-1} role="status" class={`welcome__result welcome__result--${protection}`} data-testid="welcome-protection-result">
          {resultText[protection]}
        </p>
        <p class="muted">{t('welcomeToolbarCheck')}</p>
      </section>

      <section aria-labelledby="holdings-step-title" class="welcome__step">
        <h2 id="holdings-step-title">{t('welcomeHoldingsTitle')}</h2>
        <p>{t('welcomeHoldingsBody')}</p>
        <p>
          <a href={holdingsHref} data-testid="welcome-holdings">
            {t('welcomeHoldingsLink')}
          </a>
        </p>
      </section>

      <p class="muted">{t('welcomeEnd')}</p>
    </div>
  );
}
