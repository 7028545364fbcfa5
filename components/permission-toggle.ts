import { useRef } from 'preact/hooks';
import type { MessageKey } from '../utils/i18n';

export interface PermissionToggleParameters {
  /** What the box shows as things stand; read again when an answer comes back, since the permission may have gone meanwhile. */
  on: boolean;
  /** Asks for the permission first when turning on; resolves false when the user declines, rejects when the browser or storage fails. */
  change: (enabled: boolean) => Promise<boolean>;
  /** Said when the user declined the permission. */
  declined: MessageKey;
  /** Said when the browser refused the request or storage the write. */
  failed: MessageKey;
  /** Says a sentence, or (undefined) nothing: it is cleared at each click, before the answer. */
  say: (key: MessageKey | undefined) => void;
  /** Names the switch in the log. */
  name: string;
}

/**
 * The change handler of a checkbox whose setting needs an optional permission. A decline or a failure puts the box back
 * to what stands then and says why. The box is set here, not left to a redraw: a notice the same as the one before
 * draws nothing again, and a box the user ticked keeps its tick until something sets it.
 */
export function usePermissionToggle({ on, change, declined, failed, say, name }: PermissionToggleParameters): (event: Event) => void {
  const current = useRef(on);
  current.current = on;
  return (event) => {
    const input = event.currentTarget as HTMLInputElement;
    // Cleared at each click: a refusal from before is not left beside a change that worked, and the same sentence said
    // again is a new text, read out again.
    say(undefined);
    void change(input.checked).then(
      (granted) => {
        if (granted) return;
        input.checked = current.current;
        say(declined);
      },
      (error: unknown) => {
        // The browser's words are for the log; the page says it in the reader's language.
        console.error(`[reserve-radar] ${name} not changed:`, error);
        input.checked = current.current;
        say(failed);
      },
    );
  };
}
