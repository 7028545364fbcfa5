import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExchangeView } from '../lib/view/exchange-view';
import { shareText } from '../lib/share/share-text';
import { drawShareImage, shareImageAlt } from '../lib/share/share-image';
import { useLocale, useT } from '../utils/i18n';

export interface SharePanelProps {
  view: ExchangeView;
  /** The moment of sharing: printed as the day the card was shared, beside the days its figures describe. */
  now: Date;
  /** BCP 47 tag for numbers and dates; defaults to the I18nContext locale. */
  locale?: string;
  /**
   * Puts the summary on the clipboard (the entrypoint owns clipboard access). A returned
   * promise that rejects shows "could not copy"; one that resolves shows "copied".
   */
  onCopy: (text: string) => void | Promise<unknown>;
  /** Puts the PNG on the clipboard; without it the "Copy image" button is not shown. */
  onCopyImage?: (blob: Blob) => void | Promise<unknown>;
  idPrefix?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

interface Picture {
  dataUrl: string;
  /** What the picture says, as its text alternative: the same level words and dates it draws. */
  alt: string;
  width: number;
  height: number;
  canvas: HTMLCanvasElement;
}

/**
 * The card to share: its plain-text summary (every figure with its date and cleaned source
 * link) with a copy button, and a PNG of the essentials drawn on a canvas on this device,
 * to download or copy. Nothing is uploaded.
 */
export function SharePanel({ view, now, locale: localeProp, onCopy, onCopyImage, idPrefix = 'share' }: SharePanelProps) {
  const t = useT();
  const contextLocale = useLocale();
  const locale = localeProp ?? contextLocale;
  const nowTime = now.getTime();
  const summary = useMemo(() => shareText({ view, now: new Date(nowTime), t, locale }), [view, nowTime, t, locale]);
  const [textState, setTextState] = useState<CopyState>('idle');
  const [imageState, setImageState] = useState<CopyState>('idle');
  const [picture, setPicture] = useState<Picture | 'failed' | undefined>(undefined);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    // A canvas that is never attached: the page shows the finished PNG, not the drawing surface.
    const canvas = document.createElement('canvas');
    const drawn = drawShareImage({ canvas, view, now: new Date(nowTime), t, locale });
    if (!drawn.ok) {
      setPicture('failed');
      return;
    }
    try {
      const { content } = drawn;
      const alt = shareImageAlt(content, t);
      setPicture({ dataUrl: canvas.toDataURL('image/png'), alt, width: drawn.width, height: drawn.height, canvas });
    } catch {
      setPicture('failed');
    }
  }, [view, nowTime, t, locale]);

  const report = (result: void | Promise<unknown>, set: (state: CopyState) => void) => {
    if (result instanceof Promise) {
      result.then(
        () => mounted.current && set('copied'),
        () => mounted.current && set('failed'),
      );
    } else {
      set('copied');
    }
  };

  const copyText = () => {
    try {
      report(onCopy(summary.text), setTextState);
    } catch {
      setTextState('failed');
    }
  };

  const copyImage = () => {
    if (onCopyImage === undefined || picture === undefined || picture === 'failed') return;
    picture.canvas.toBlob((blob) => {
      if (!mounted.current) return;
      if (blob === null) {
        setImageState('failed');
        return;
      }
      try {
        report(onCopyImage(blob), setImageState);
      } catch {
        setImageState('failed');
      }
    }, 'image/png');
  };

  const fileName = `reserve-radar-${view.id}-${now.toISOString().slice(0, 10)}.png`;

  return (
    <section class="share" aria-labelledby={`${idPrefix}-heading`} data-testid="share-panel">
      <h2 id={`${idPrefix}-heading`} class="card__heading">
        {t('shareHeading')}
      </h2>

      <label for={`${idPrefix}-text`} class="share__label">
        {t('shareTextLabel')}
      </label>
      <textarea id={`${idPrefix}-text`} class="share__text" readOnly rows={8} value={summary.text} data-testid="share-text" />
      <p class="share__actions">
        <button type="button" class="ghost" onClick={copyText} data-testid="share-copy">
          {t('shareCopy')}
        </button>
        <span role="status" class={textState === 'failed' ? 'share__status share__status--failed' : 'share__status'} data-testid="share-copy-status">
          {textState === 'copied' ? t('shareCopied') : textState === 'failed' ? t('shareCopyFailed') : ''}
        </span>
      </p>

      <p class="share__label">{t('shareImageLabel')}</p>
      {picture === 'failed' ? (
        <p class="muted" role="alert" data-testid="share-image-failed">
          {t('shareImageFailed')}
        </p>
      ) : picture === undefined ? null : (
        <>
          <img class="share__image" src={picture.dataUrl} width={picture.width} height={picture.height} alt={picture.alt} data-testid="share-image" style={{ width: '100%', height: 'auto' }} />
          <p class="share__actions">
            <a class="share__download" href={picture.dataUrl} download={fileName} data-testid="share-download">
              {t('shareDownloadPng')}
            </a>
            {onCopyImage !== undefined && (
              <button type="button" class="ghost" onClick={copyImage} data-testid="share-copy-image">
                {t('shareCopyImage')}
              </button>
            )}
            <span role="status" class={imageState === 'failed' ? 'share__status share__status--failed' : 'share__status'} data-testid="share-copy-image-status">
              {imageState === 'copied' ? t('shareImageCopied') : imageState === 'failed' ? t('shareImageCopyFailed') : ''}
            </span>
          </p>
        </>
      )}
    </section>
  );
}
