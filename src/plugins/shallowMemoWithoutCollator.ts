// This file runs in Node.js, as part of the build.
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Gives theme-common a `useShallowMemoObject` that orders keys without `localeCompare`
 * (src/theme/reactUtils/withoutCollator.ts says why): theme-common's own modules that import its
 * `utils/reactUtils` get ours, which re-exports the rest of theme-common's module under an alias.
 */
export default function shallowMemoWithoutCollator(): Plugin {
  // The package's main module is lib/index.js (its package.json is not exported).
  const themeCommonLib = path.dirname(require.resolve('@docusaurus/theme-common'));
  const ours = path.join(__dirname, '..', 'theme', 'reactUtils', 'withoutCollator.ts');
  return {
    name: 'failover-lab-shallow-memo-without-collator',
    configureWebpack(_config, _isServer, {currentBundler}) {
      const replace = new currentBundler.instance.NormalModuleReplacementPlugin(/[\\/]utils[\\/]reactUtils(\.js)?$/, (resource: {context?: string; request: string}) => {
        if (resource.context?.startsWith(themeCommonLib)) resource.request = ours;
      });
      return {
        resolve: {alias: {'@failover-lab/theme-common-react-utils$': path.join(themeCommonLib, 'utils', 'reactUtils.js')}},
        plugins: [replace],
      };
    },
  };
}
