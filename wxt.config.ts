import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    browser_specific_settings: {
      gecko: {
        id: 'reserve-radar@reserve-radar.app',
        data_collection_permissions: { required: ['none'] },
      },
    },
  },
});
