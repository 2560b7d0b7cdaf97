// This file runs in Node.js, as part of the build.
import type {Plugin} from '@docusaurus/types';

/**
 * Keeps the failover engine, the widgets and the live-code editor out of the
 * `common` chunk that every page loads.
 *
 * Docusaurus puts any module used by at least half of the pages into `common`.
 * Most chapters use the engine (labs, quiz answers computed from it), so
 * without this it would ship to every page, widget or not. Here `common` only
 * takes third-party code that is not widget-only, and our own shared modules go
 * into chunks shared by just the pages that import them.
 */
export default function widgetChunks(): Plugin {
  return {
    name: 'failover-lab-widget-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              common: {
                // Widget-only packages: the live-code editor, and the lab's share-link compression (fflate).
                test: /[\\/]node_modules[\\/](?!(react-live|sucrase|use-editable|fflate)[\\/])/,
              },
              shared: {
                test: /[\\/](src|docs)[\\/]/,
                minChunks: 2,
                priority: 30,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}
