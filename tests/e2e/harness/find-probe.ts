/**
 * What a page script can learn of text drawn inside closed shadow roots without reaching the nodes: `window.find`
 * searches the rendered text of the whole document, closed roots included, and answers true or false; the page's
 * `getSelection()` and its `copy` listener see what the user selects and copies there. PAGE_PROBES is a page script
 * that puts these to work; the hostile-page tests (Chromium and Firefox) serve it and assert it learns nothing.
 */
export const PAGE_PROBES = `<script>
  window.probeCopies = [];
  document.addEventListener('copy', () => window.probeCopies.push(String(getSelection())), true);
  const quietFind = (text, caseSensitive) => {
    getSelection().removeAllRanges();
    const found = window.find(text, caseSensitive, false, true);
    getSelection().removeAllRanges();
    return found;
  };
  /** Which of the texts window.find finds, the selection cleared after each try so the user sees nothing. */
  window.findProbe = (texts) => texts.map((text) => quietFind(text, false));
  /** The hex digits after the drawn text lead, recovered one at a time (a space between groups allowed). */
  window.recoverAfter = (lead) => {
    let known = lead;
    for (let step = 0; step < 40; step++) {
      let next;
      for (const digit of '0123456789abcdefABCDEF') {
        for (const gap of ['', ' ']) if (next === undefined && quietFind(known + gap + digit, true)) next = known + gap + digit;
      }
      if (next === undefined) break;
      known = next;
    }
    return known.slice(lead.length).replace(/\\s/g, '');
  };
  window.selectedText = () => String(getSelection());
</script>`;

export interface PageProbes {
  probeCopies: string[];
  findProbe(texts: string[]): boolean[];
  recoverAfter(lead: string): string;
  selectedText(): string;
}
