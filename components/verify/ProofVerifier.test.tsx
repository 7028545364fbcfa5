import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { InclusionProofResult } from '../../lib/proofs/types';
import { proofFailureText } from '../../lib/words/proof-failure';
import { I18nContext, translateFrom, type Messages } from '../../utils/i18n';
import { type ProofInput, ProofVerifier } from './ProofVerifier';
import { settle } from '../test-dom';

const t = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Messages);

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

  test('editing the field a failure is about takes its invalid mark away; the other field keeps its own', async () => {
    const typeInto = (field: HTMLInputElement, value: string) => {
      field.value = value;
      field.dispatchEvent(new (field.ownerDocument.defaultView as unknown as typeof globalThis).Event('input', { bubbles: true }));
    };
    const rootFault = await draw({ ok: false, format: 'okx-v1', failure: { code: 'root-length', length: 64 } }, { text: '{"a":1}', root: '8837e3a9' });
    typeInto(rootFault.$('proof-root'), '8837e3a9f');
    await settle();
    expect(rootFault.$('proof-root').getAttribute('aria-invalid')).toBeNull();
    expect(rootFault.$('proof-root').getAttribute('aria-describedby')).toBe('proof-root-help');
    render(null, rootFault.root);

    const proofFault = await draw({ ok: false, format: 'okx-v1', failure: { code: 'leaf-hash', computed: 'aa', written: 'bb' } }, { text: '{"a":1}', root: 'ab'.repeat(32) });
    typeInto(proofFault.$('proof-root'), 'cd'.repeat(32));
    await settle();
    expect(proofFault.$('proof-text').getAttribute('aria-invalid')).toBe('true');
    typeInto(proofFault.$('proof-text'), '{"a":2}');
    await settle();
    expect(proofFault.$('proof-text').getAttribute('aria-invalid')).toBeNull();
    render(null, proofFault.root);
  });
});

describe('ProofVerifier: sizes are written as the language writes numbers', () => {
  test('a chosen file says its bytes with the thousands grouped, a long paste its megabytes with the decimal comma', async () => {
    const { document, window } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    vi.stubGlobal('document', document);
    const root = document.getElementById('root') as unknown as HTMLElement;
    const de = translateFrom(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/de/messages.json'), 'utf8')) as Messages);
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
    expect(root.querySelector('[data-testid="proof-source"]')?.textContent).toBe(de('verifyProofFromPaste', '1,2'));
    render(null, root);
  });
});
