import { render, type ComponentChildren } from 'preact';
import { describe, expect, test } from 'vitest';
import { createGuideState, type GuideState } from '../../lib/custody/steps';
import { chineseSentenceProblems } from '../../lib/words/chinese-sentences.testkit';
import { I18nContext, translateFrom } from '../../utils/i18n';
import { effectsOnNextTask, page, settle } from '../test-dom';
import { AddressBookStep } from './AddressBookStep';
import { ArrivalStep } from './ArrivalStep';
import type { BalanceWatch } from './Guide';
import { TestStep } from './TestStep';
import { localeMessages } from '../../utils/locale-files.testkit';

// The guide's steps join sentences and buttons in code: in Chinese, nothing follows a full-width
// mark but the next words, and no sentence ends with a Latin "." (lib/words/chinese-sentences.testkit.ts).

effectsOnNextTask();

const chinese = translateFrom(localeMessages('zh_CN'));
const ADDRESS = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const base: GuideState = { ...createGuideState(new Date('2026-12-05T12:00:00Z')), network: 'ethereum', asset: 'ETH', address: ADDRESS };
const sent: GuideState = { ...base, testSentAt: '2026-12-05T12:02:00Z' };
const off: BalanceWatch = { status: 'off', balance: null, increase: null, blockNumber: null, checkedAt: null, errorCode: null };
const watching: BalanceWatch = { status: 'watching', balance: '1234.5', increase: null, blockNumber: '7', checkedAt: '2026-12-05T12:01:00Z', errorCode: null };
const none = () => undefined;

async function chineseBlocks(node: ComponentChildren): Promise<string[]> {
  const { root } = page();
  render(<I18nContext.Provider value={{ t: chinese, locale: 'zh-CN' }}>{node}</I18nContext.Provider>, root);
  await settle();
  const blocks = [...root.querySelectorAll('p, li, h3, label, button, dd, dt')].map((block) => block.textContent ?? '');
  render(null, root);
  return blocks.filter((text) => text.trim() !== '');
}

describe('the guide’s steps in Chinese', () => {
  test.each<[string, ComponentChildren]>([
    ['arrival, no RPC endpoint set', <ArrivalStep book={[]} state={sent} rpcUrl={undefined} watch={off} onAction={none} onOpenOptions={none} skipped={[]} onGoToStep={none} />],
    [
      'arrival, a network the guide cannot watch',
      <ArrivalStep
        book={[]}
        state={{ ...sent, network: 'bitcoin', asset: 'BTC', address: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }}
        rpcUrl={undefined}
        watch={off}
        onAction={none}
        onOpenOptions={none}
        skipped={[]}
        onGoToStep={none}
      />,
    ],
    [
      'arrival, a token the guide does not watch',
      <ArrivalStep book={[]} state={{ ...sent, asset: 'PEPE' }} rpcUrl="http://127.0.0.1:8545" watch={off} onAction={none} onOpenOptions={none} skipped={[]} onGoToStep={none} />,
    ],
    [
      'arrival, done with safety steps skipped',
      <ArrivalStep
        book={[]}
        state={{ ...sent, testArrivedAt: '2026-12-05T12:03:00Z', withdrawalSentAt: '2026-12-05T12:04:00Z', arrivalConfirmedAt: '2026-12-05T12:05:00Z' }}
        rpcUrl={undefined}
        watch={off}
        onAction={none}
        onOpenOptions={none}
        skipped={['wallet', 'address-book']}
        onGoToStep={none}
      />,
    ],
    ['arrival, watching', <ArrivalStep book={[]} state={sent} rpcUrl="http://127.0.0.1:8545" watch={watching} onAction={none} onOpenOptions={none} skipped={[]} onGoToStep={none} />],
    ['test, watching', <TestStep state={base} rpcUrl="http://127.0.0.1:8545" watch={watching} rise={null} onTestSent={none} onTestRise={none} />],
    ['test, no RPC endpoint', <TestStep state={base} rpcUrl={undefined} watch={off} rise={null} onTestSent={none} onTestRise={none} />],
    [
      'test, the wrong chain',
      <TestStep state={base} rpcUrl="http://127.0.0.1:8545" watch={{ ...watching, status: 'error', balance: null, errorCode: 'wrong-chain' }} rise={null} onTestSent={none} onTestRise={none} />,
    ],
    ['address book', <AddressBookStep state={base} book={[]} onAction={none} onSaveAddress={() => Promise.resolve()} onRemoveAddress={() => Promise.resolve()} />],
  ])('%s: no space after a full-width mark, no Latin "." after Chinese', async (_, node) => {
    const blocks = await chineseBlocks(node);
    expect(blocks.length).toBeGreaterThan(0);
    for (const text of blocks) expect(chineseSentenceProblems(text), text).toEqual([]);
  });
});
