/**
 * Work a wake-up of the service worker owes but its first answer does not need (making sure the
 * alarms exist, planning the reminder): it asks the browser for alarms, settings and a permission,
 * and those questions would queue in front of the one that woke the worker (issue 16). It runs
 * once the first answer has gone out, or after `waitMs` when nothing asks (an alarm or the install
 * woke the worker).
 */
export interface AfterFirstAnswer {
  /** The router calls this once an answer has gone out. */
  answered(): void;
  /** Runs `work` after the first answer (or the wait), once. */
  later(work: () => unknown): void;
}

export function afterFirstAnswer(waitMs = 1000): AfterFirstAnswer {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const timer = setTimeout(() => release(), waitMs);
  return {
    answered() {
      clearTimeout(timer);
      // In a task of its own, so the answer is on its way first.
      setTimeout(() => release(), 0);
    },
    later(work) {
      void released.then(work);
    },
  };
}
