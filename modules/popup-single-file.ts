import { defineWxtModule } from 'wxt/modules';

/**
 * The popup is built on its own, into one script and one stylesheet instead of a chain of chunks
 * shared with the other pages: each extension file costs the popup a fetch before its first line
 * runs (docs/performance.md).
 */
export default defineWxtModule({
  name: 'popup-single-file',
  hooks: {
    'entrypoints:grouped'(_wxt, groups) {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entrypoint) => entrypoint.name === 'popup');
        if (popup === -1) continue;
        groups.push(group.splice(popup, 1));
        return;
      }
    },
    'vite:build:extendConfig'(entrypoints, viteConfig) {
      if (entrypoints.length !== 1 || entrypoints[0]?.name !== 'popup') return;
      // One file: the holdings line's few lines ride along, still run only after the card's first frame.
      const output = viteConfig.build?.rolldownOptions?.output;
      if (output === undefined || Array.isArray(output)) throw new Error('modules/popup-single-file.ts: the popup build has no single output to configure.');
      output.codeSplitting = false;
    },
  },
});
