import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Reserve Radar',
    description:
      'Shows the proof-of-reserves status and concentration risk of the crypto exchange you are on, and guides a safe withdrawal to a wallet you control.',
    permissions: ['storage', 'alarms'],
    browser_specific_settings: {
      gecko: {
        id: 'reserve-radar@reserve-radar.app',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
