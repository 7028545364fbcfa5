import { render } from 'preact';
import { expect, test } from 'vitest';
import { effectsOnNextTask, page, recordFocus } from './test-dom';

effectsOnNextTask();

test('the recorded focus() acts as a browser: a heading or a paragraph takes the focus only with a tabindex, an enabled control without one', () => {
  const { window, root } = page();
  const focused = recordFocus(window);
  render(
    <div>
      <h2 id="plain">Plain</h2>
      <h2 id="focusable" tabIndex={-1}>
        Focusable
      </h2>
      <button type="button" id="button">
        Press
      </button>
      <button type="button" id="disabled" disabled>
        Off
      </button>
      <p id="text">Text</p>
    </div>,
    root,
  );
  const focus = (id: string) => (root.querySelector(`#${id}`) as HTMLElement).focus();
  focus('focusable');
  focus('plain');
  expect(window.document.activeElement?.id).toBe('focusable');
  focus('button');
  focus('disabled');
  focus('text');
  expect(focused).toEqual(['focusable', 'button']);
  expect(window.document.activeElement?.id).toBe('button');
  render(null, root);
});
