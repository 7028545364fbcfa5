import { render } from 'preact';
import { describe, expect, test, vi } from 'vitest';
import { InlineConfirm, useInlineConfirm } from './InlineConfirm';
import { effectsOnNextTask, page, pressEscape, recordFocus, settle } from './test-dom';

effectsOnNextTask();

/** An opener and its question, as a page wires them; with `moveFocus` the answer focuses a button of its own and closes with `close(false)`. */
function Asker({ busy = false, onConfirm, moveFocus = false }: { busy?: boolean; onConfirm: () => void; moveFocus?: boolean }) {
  const confirm = useInlineConfirm();
  return (
    <div>
      <button type="button" data-testid="elsewhere">
        elsewhere
      </button>
      {!confirm.open ? (
        <button ref={confirm.opener} type="button" data-testid="open" onClick={confirm.ask}>
          Delete…
        </button>
      ) : (
        <InlineConfirm
          id="q"
          question="Delete it?"
          confirmLabel="Yes"
          cancelLabel="Cancel"
          busy={busy}
          confirmTestId="yes"
          cancelTestId="cancel"
          onConfirm={() => {
            onConfirm();
            if (moveFocus) (document.querySelector('[data-testid="elsewhere"]') as HTMLElement).focus();
            confirm.close(!moveFocus);
          }}
          onCancel={() => confirm.close()}
        />
      )}
    </div>
  );
}

describe('InlineConfirm', () => {
  test('opening puts focus on Cancel, the safe answer; the question names its group', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    render(<Asker onConfirm={() => undefined} />, root);
    press('open');
    await settle();
    const group = root.querySelector('[role="group"]');
    expect(group?.getAttribute('aria-labelledby')).toBe('q');
    expect(root.querySelector('#q')?.textContent).toBe('Delete it?');
    expect($('yes')?.getAttribute('aria-disabled')).toBe('false');
    expect(focused).toEqual(['cancel']);
    render(null, root);
  });

  test('Escape answers Cancel: nothing confirmed, the question closes, focus back on the opener', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    const onConfirm = vi.fn();
    render(<Asker onConfirm={onConfirm} />, root);
    press('open');
    await settle();
    pressEscape(window, root.querySelector('[role="group"]'));
    await settle();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect($('open')).not.toBeNull();
    expect(focused).toEqual(['cancel', 'open']);
    expect(onConfirm).not.toHaveBeenCalled();
    render(null, root);
  });

  test('Cancel and a confirm with close() give the focus back to the opener', async () => {
    const { window, root, press } = page();
    const focused = recordFocus(window);
    const onConfirm = vi.fn();
    render(<Asker onConfirm={onConfirm} />, root);
    press('open');
    await settle();
    press('cancel');
    await settle();
    press('open');
    await settle();
    press('yes');
    await settle();
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(focused).toEqual(['cancel', 'open', 'cancel', 'open']);
    render(null, root);
  });

  test('close(false) leaves the focus where the answer put it', async () => {
    const { window, root, press } = page();
    const focused = recordFocus(window);
    render(<Asker onConfirm={() => undefined} moveFocus />, root);
    press('open');
    await settle();
    press('yes');
    await settle();
    expect(root.querySelector('[role="group"]')).toBeNull();
    expect(focused).toEqual(['cancel', 'elsewhere']);
    render(null, root);
  });

  test('while busy the confirm button is aria-disabled and a press does nothing; Cancel still answers', async () => {
    const { window, root, $, press } = page();
    const focused = recordFocus(window);
    const onConfirm = vi.fn();
    render(<Asker busy onConfirm={onConfirm} />, root);
    press('open');
    await settle();
    expect($('yes')?.getAttribute('aria-disabled')).toBe('true');
    expect($('yes')?.hasAttribute('disabled')).toBe(false);
    press('yes');
    await settle();
    expect(onConfirm).not.toHaveBeenCalled();
    expect(root.querySelector('[role="group"]')).not.toBeNull();
    press('cancel');
    await settle();
    expect(focused).toEqual(['cancel', 'open']);
    render(null, root);
  });
});
