import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { checkedSnapshotModule } from '../scripts/snapshot-module';

const VIRTUAL_ID = '\0radar:bundled-snapshot';

/**
 * `data/snapshot.json` validated when the extension is built, and shipped as the schema's output
 * with a mark `lib/reserves/snapshot.ts` trusts (see scripts/snapshot-module.ts). Builds only:
 * the unit tests import the file itself, which is validated when first read.
 */
export default defineWxtModule({
  name: 'snapshot-checked-at-build',
  setup(wxt) {
    const file = resolve(wxt.config.root, 'data/snapshot.json');
    addViteConfig(wxt, () => ({
      plugins: [
        {
          name: 'radar:snapshot-checked-at-build',
          apply: 'build',
          enforce: 'pre',
          async resolveId(source: string, importer: string | undefined) {
            if (!source.endsWith('/snapshot.json') || importer === undefined) return undefined;
            return resolve(importer, '..', source) === file ? VIRTUAL_ID : undefined;
          },
          load(id: string) {
            if (id !== VIRTUAL_ID) return undefined;
            return checkedSnapshotModule(JSON.parse(readFileSync(file, 'utf8')), 'data/snapshot.json');
          },
        },
      ],
    }));
  },
});
