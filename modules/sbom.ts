import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';
import { productionSbom } from '../scripts/supply-chain/sbom';

/** Every store zip carries the bill of materials of what it ships (scripts/supply-chain/sbom.ts). */
export default defineWxtModule({
  name: 'sbom',
  hooks: {
    'zip:extension:start'(wxt) {
      writeFileSync(join(wxt.config.outDir, 'sbom.cdx.json'), productionSbom(wxt.config.root));
    },
  },
});
