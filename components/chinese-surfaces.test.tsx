import { describe, expect, test } from 'vitest';
import { chineseSentenceProblems } from '../lib/words/chinese-sentences.testkit';
import { localeSurfaces } from './locale-surfaces.testkit';
import { effectsOnNextTask } from './test-dom';

// Every surface's main text drawn in Chinese and read as the Chinese messages are written: nothing
// follows "。", "，", "：" or "；" after a space, and no sentence ends with a Latin "." after Chinese
// (lib/words/chinese-sentences.testkit.ts). Data the page quotes in English (marked lang="en") is left out.

effectsOnNextTask();

const zh = localeSurfaces('zh_CN');
const sayProblems = (texts: readonly string[]) => texts.flatMap((text) => chineseSentenceProblems(text).map((problem) => `${problem}  ⟵  ${text}`));
const views = zh.everyExchange();

describe('every surface in Chinese: full-width marks with no space after, no Latin full stop', () => {
  test('the card of every exchange, collapsed and open', async () => {
    for (const view of views) {
      const collapsed = await zh.draw(zh.surfaces.card(view), '[data-testid="card-details"] > :not(summary)');
      const open = await zh.draw(zh.surfaces.card(view));
      expect(open.blocks.length, view.id).toBeGreaterThan(collapsed.blocks.length);
      expect(sayProblems([...collapsed.blocks, ...open.blocks]), view.id).toEqual([]);
    }
  });

  test.each([
    ['the popup, on an exchange and with its list', () => zh.surfaces.popup(views), 5],
    ['the verify page’s reserve check', zh.surfaces.reserveCheck, 0],
    ['the guide’s first step', zh.surfaces.guide, 3],
    ['the guide’s where to click', zh.surfaces.whereToClick, 0],
    ['the options page, its headings and what they introduce', zh.surfaces.options, 5],
  ])('%s', async (_, surface, least) => {
    const { blocks } = await zh.draw(surface());
    expect(blocks.length).toBeGreaterThan(least);
    expect(sayProblems(blocks)).toEqual([]);
  });

  test('the shared text and picture of every exchange', () => {
    for (const view of views) {
      const { text, picture } = zh.shared(view);
      expect(sayProblems([...text, ...picture]), view.id).toEqual([]);
    }
  });
});
