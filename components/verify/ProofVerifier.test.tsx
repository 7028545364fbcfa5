import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { InclusionProofResult } from '../../lib/proofs/types';
import { verifyInclusionProof } from '../../lib/proofs/verify-inclusion-proof';
import { proofFailureText } from '../../lib/words/proof-failure';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { type ProofInput, ProofVerifier } from './ProofVerifier';
import { settle } from '../test-dom';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { localeMessages } from '../../utils/locale-files.testkit';

const t = translateFrom(localeMessages('en'));

afterEach(() => vi.unstubAllGlobals());

describe('ProofVerifier: the latest input wins', () => {
  test('a second file chosen while the first is checked is checked itself, and the first verdict never shows', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const pending: { input: ProofInput; finish: (result: InclusionProofResult) => void }[] = [];
    const onVerify = (input: ProofInput) => new Promise<InclusionProofResult>((finish) => pending.push({ input, finish }));
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <ProofVerifier onVerify={onVerify} />
      </I18nContext.Provider>,
      root,
    );
    const input = root.querySelector('[data-testid="proof-file"]') as HTMLInputElement;
    // The hidden file input is out of the accessibility tree: the "Choose file" button is the one way in.
    expect(input.getAttribute('aria-hidden')).toBe('true');
    const choose = async (name: string, text: string) => {
      Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
      input.dispatchEvent(new window.Event('change', { bubbles: true }));
      await settle();
    };
    await choose('first.json', '{"a":1}');
    await choose('second.json', '{"b":22}');
    expect(pending.map(({ input: { file } }) => new TextDecoder().decode(file as Uint8Array))).toEqual(['{"a":1}', '{"b":22}']);
    const first: InclusionProofResult = { ok: false, failure: { code: 'not-json' }, unreadable: true };
    const second: InclusionProofResult = { ok: false, failure: { code: 'not-a-proof' } };
    pending[0]!.finish(first);
    await settle();
    expect(root.querySelector('[data-testid="proof-verdict"]')).toBeNull();
    expect(root.querySelector('[data-testid="proof-verify"]')?.getAttribute('aria-disabled')).toBe('true');
    pending[1]!.finish(second);
    await settle();
    expect(root.querySelector('[data-testid="proof-source"]')?.textContent).toBe(t('verifyProofFromFile', ['second.json', '8']));
    expect(root.querySelector('[data-testid="proof-reason"]')?.textContent).toBe(proofFailureText(second, t));
    render(null, root);
  });
});

describe('ProofVerifier: the hint and the marked field fit what failed', () => {
  const draw = async (failure: InclusionProofResult, fill: { text?: string; root?: string }) => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <ProofVerifier onVerify={async () => failure} />
      </I18nContext.Provider>,
      root,
    );
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
    for (const [testId, value] of [
      ['proof-text', fill.text],
      ['proof-root', fill.root],
    ] as const) {
      if (value === undefined) continue;
      $(testId).value = value;
      $(testId).dispatchEvent(new window.Event('input', { bubbles: true }));
    }
    await settle();
    $('proof-verify')
      .closest('form')
      ?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    await settle();
    return { root, $ };
  };

  test('a published root of the wrong length points at the root field, not at the proof file', async () => {
    const { root, $ } = await draw({ ok: false, format: 'okx-v1', failure: { code: 'root-length', length: 64 } }, { text: '{"a":1}', root: '8837e3a9' });
    expect($('proof-reason').textContent).toBe(t('verifyProofFailRootLength', ['OKX v1', '64']));
    expect($('proof-hint').textContent).toBe(t('verifyProofFailedRootHint'));
    expect(root.textContent).not.toContain(t('verifyProofFailedHint'));
    expect($('proof-root').getAttribute('aria-invalid')).toBe('true');
    expect($('proof-root').getAttribute('aria-describedby')?.split(' ')).toEqual(['proof-reason', 'proof-root-help']);
    expect($('proof-reason').id).toBe('proof-reason');
    expect($('proof-text').getAttribute('aria-invalid')).toBeNull();
    render(null, root);
  });

  test('a broken proof file says to download it again and marks the proof text, not the root', async () => {
    const { root, $ } = await draw({ ok: false, format: 'okx-v1', failure: { code: 'leaf-hash', computed: 'aa', written: 'bb' } }, { text: '{"a":1}', root: 'ab'.repeat(32) });
    expect($('proof-hint').textContent).toBe(t('verifyProofFailedHint'));
    expect(root.textContent).not.toContain(t('verifyProofFailedRootHint'));
    expect($('proof-text').getAttribute('aria-invalid')).toBe('true');
    expect($('proof-text').getAttribute('aria-describedby')?.split(' ')).toEqual(['proof-reason', 'proof-source']);
    expect($('proof-root').getAttribute('aria-invalid')).toBeNull();
    expect($('proof-root').getAttribute('aria-describedby')).toBe('proof-root-help');
    render(null, root);
  });

  test('a cancelled check gives no advice to download anything, and marks no field', async () => {
    const { root, $ } = await draw({ ok: false, cancelled: true, failure: { code: 'cancelled' } }, { text: '{"a":1}' });
    expect($('proof-reason').textContent).toBe(t('verifyProofFailCancelled'));
    expect($('proof-hint')).toBeNull();
    expect(root.textContent).not.toContain(t('verifyProofFailedHint'));
    expect(root.querySelector('[aria-invalid]')).toBeNull();
    render(null, root);
  });

  test("a failure that is the extension's own bug gives no advice to download again, and marks no field", async () => {
    const { root, $ } = await draw({ ok: false, format: 'okx-v1', failure: { code: 'unexpected', detail: 'TypeError' } }, { text: '{"a":1}' });
    expect($('proof-hint')).toBeNull();
    expect(root.textContent).not.toContain(t('verifyProofFailedHint'));
    expect(root.querySelector('[aria-invalid]')).toBeNull();
    render(null, root);
  });

  test('any edit after a failure takes the failure away, and the invalid marks and links to its reason with it', async () => {
    const typeInto = (field: HTMLInputElement, value: string) => {
      field.value = value;
      field.dispatchEvent(new (field.ownerDocument.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }));
    };
    const rootFault = await draw({ ok: false, format: 'okx-v1', failure: { code: 'root-length', length: 64 } }, { text: '{"a":1}', root: '8837e3a9' });
    typeInto(rootFault.$('proof-root'), '8837e3a9f');
    await settle();
    expect(rootFault.$('proof-root').getAttribute('aria-invalid')).toBeNull();
    expect(rootFault.$('proof-root').getAttribute('aria-describedby')).toBe('proof-root-help');
    expect(rootFault.$('proof-verdict')).toBeNull();
    render(null, rootFault.root);

    // An edit of the other field takes it away too: the failed check was of that field's old value as well.
    const proofFault = await draw({ ok: false, format: 'okx-v1', failure: { code: 'leaf-hash', computed: 'aa', written: 'bb' } }, { text: '{"a":1}', root: 'ab'.repeat(32) });
    expect(proofFault.$('proof-text').getAttribute('aria-invalid')).toBe('true');
    typeInto(proofFault.$('proof-root'), 'cd'.repeat(32));
    await settle();
    expect(proofFault.$('proof-text').getAttribute('aria-invalid')).toBeNull();
    expect(proofFault.$('proof-text').getAttribute('aria-describedby')).toBe('proof-source');
    expect(proofFault.$('proof-reason')).toBeNull();
    render(null, proofFault.root);
  });
});

describe('ProofVerifier: the source line speaks of an input only once there is one', () => {
  test('an empty or blank text box says nothing about pasted text; typed text is named', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <ProofVerifier onVerify={() => new Promise<InclusionProofResult>(() => undefined)} />
      </I18nContext.Provider>,
      root,
    );
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLTextAreaElement | null;
    const describedBy = () => ($('proof-text')?.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id !== '');
    const type = async (value: string) => {
      ($('proof-text') as HTMLTextAreaElement).value = value;
      $('proof-text')?.dispatchEvent(new window.Event('input', { bubbles: true }));
      await settle();
    };
    expect(root.textContent).not.toContain(t('verifyProofFromText'));
    expect($('proof-source')).toBeNull();
    // The text box is described only by what is on the page.
    for (const id of describedBy()) expect(root.querySelector(`#${id}`), id).not.toBeNull();
    await type('  \n ');
    expect(root.textContent).not.toContain(t('verifyProofFromText'));
    for (const id of describedBy()) expect(root.querySelector(`#${id}`), id).not.toBeNull();
    await type('{"a":1}');
    expect($('proof-source')?.textContent).toBe(t('verifyProofFromText'));
    expect(describedBy()).toEqual(['proof-source']);
    await type('');
    expect($('proof-source')).toBeNull();
    render(null, root);
  });
});

describe('ProofVerifier: sizes are written as the language writes numbers', () => {
  test('a chosen file says its bytes with the thousands grouped, a long paste its megabytes with the decimal comma', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const de = translateFrom(localeMessages('de'));
    render(
      <I18nContext.Provider value={{ t: de, locale: 'de' }}>
        <ProofVerifier onVerify={() => new Promise<InclusionProofResult>(() => undefined)} />
      </I18nContext.Provider>,
      root,
    );
    const input = root.querySelector('[data-testid="proof-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'.repeat(12_345)], 'proof.json', { type: 'application/json' })], configurable: true });
    input.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(root.querySelector('[data-testid="proof-source"]')?.textContent).toBe(de('verifyProofFromFile', ['proof.json', '12.345']));
    const paste = new window.Event('paste', { bubbles: true, cancelable: true });
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => 'x'.repeat(1_234_567) } });
    root.querySelector('[data-testid="proof-text"]')?.dispatchEvent(paste);
    await settle();
    expect(root.querySelector('[data-testid="proof-source"]')?.textContent).toBe(de('verifyProofFromPaste', '1,2 MB'));
    render(null, root);
  });

  test('a file of one byte says "byte", in the singular', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const en = translateFrom(localeMessages('en'));
    render(
      <I18nContext.Provider value={{ t: en, locale: 'en' }}>
        <ProofVerifier onVerify={() => new Promise<InclusionProofResult>(() => undefined)} />
      </I18nContext.Provider>,
      root,
    );
    const input = root.querySelector('[data-testid="proof-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'proof.json', { type: 'application/json' })], configurable: true });
    input.dispatchEvent(new window.Event('change', { bubbles: true }));
    await settle();
    expect(root.querySelector('[data-testid="proof-source"]')?.textContent).toBe('Using the file proof.json (1 byte).');
    render(null, root);
  });
});

describe('ProofVerifier: a verdict never outlives the input it is about', () => {
  const BYBIT_ROOT = '8837e3a902aa996279fdc3d70e38e46cd18232dfb614c515a25ba34778eb1765';
  const bybit = readFileSync(join(import.meta.dirname, '../../tests/fixtures/proofs/bybit-40.json'), 'utf8');

  const draw = (onVerify: (input: ProofInput) => Promise<InclusionProofResult>) => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    render(
      <I18nContext.Provider value={{ t, locale: 'en' }}>
        <ProofVerifier onVerify={onVerify} />
      </I18nContext.Provider>,
      root,
    );
    const $ = (testId: string) => root.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement | null;
    const edit = async (testId: string, value: string, event = 'input') => {
      const field = $(testId) as HTMLInputElement;
      // linkedom's select has no value setter: choose the option itself.
      if (field.tagName === 'SELECT') for (const option of field.querySelectorAll('option')) option.toggleAttribute('selected', option.value === value);
      else field.value = value;
      field.dispatchEvent(new window.Event(event, { bubbles: true }));
      await settle();
    };
    const submit = () =>
      $('proof-verify')
        ?.closest('form')
        ?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
    return { root, $, edit, submit };
  };

  // Each edit a user can make after a check: another published root, another proof, another format.
  const edits = [
    ['the published root', 'proof-root', 'f'.repeat(64), 'input'],
    ['the proof text', 'proof-text', '{"not":"a proof"}', 'input'],
    ['the format', 'proof-format', 'okx-v1', 'change'],
  ] as const;

  test.each(edits)('a "Verified" goes away as soon as %s is changed, before Verify is pressed again', async (_, testId, value, event) => {
    const { root, $, edit, submit } = draw((input) => verifyInclusionProof(input));
    await edit('proof-text', bybit);
    await edit('proof-root', BYBIT_ROOT);
    submit();
    for (let i = 0; i < 100 && $('proof-verdict') === null; i += 1) await settle();
    expect($('proof-verdict')?.getAttribute('data-verdict')).toBe('verified');
    expect($('proof-root-match')?.textContent).toBe(t('verifyRootMatches'));

    await edit(testId, value, event);
    expect($('proof-verdict')).toBeNull();
    expect($('proof-result')).toBeNull();
    expect(root.textContent).not.toContain(t('verifyRootMatches'));
    render(null, root);
  });

  test.each(edits)('a check still running when %s is changed never shows its answer', async (_, testId, value, event) => {
    const verified = await verifyInclusionProof({ file: bybit, expectedRoot: BYBIT_ROOT });
    const pending: ((result: InclusionProofResult) => void)[] = [];
    const { root, $, edit, submit } = draw(() => new Promise((finish) => pending.push(finish)));
    await edit('proof-text', bybit);
    await edit('proof-root', BYBIT_ROOT);
    submit();
    await settle();
    expect($('proof-verify')?.getAttribute('aria-disabled')).toBe('true');
    await edit(testId, value, event);
    expect(verified.ok && verified.verdict).toBe('verified');
    pending[0]?.(verified);
    await settle();
    expect($('proof-verdict')).toBeNull();
    expect($('proof-verify')?.getAttribute('aria-disabled')).toBe('false');
    render(null, root);
  });
});

describe('ProofVerifier: Chinese sentences', () => {
  test('the drop zone’s sentence is followed by the file button with no space after "。"', () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const chinese = translateFrom(localeMessages('zh_CN'));
    render(
      <I18nContext.Provider value={{ t: chinese, locale: 'zh-CN' }}>
        <ProofVerifier onVerify={async () => ({ ok: false, failure: { code: 'not-json' } })} />
      </I18nContext.Provider>,
      root,
    );
    const zone = root.querySelector('[data-testid="proof-dropzone"]')?.textContent ?? '';
    expect(zone).toContain(`${chinese('verifyProofDrop')}${chinese('verifyProofChoose')}`);
    expect(chineseSentenceProblems(zone)).toEqual([]);
    render(null, root);
  });
});
