// This file runs in Node.js, as part of the build.
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Chapters' data modules (`docs/**\/*.ts`: quiz questions, predictions, challenges) compute their
 * answers with the failover engine when they are evaluated. This plugin evaluates them at build time
 * (src/plugins/buildTimeDataLoader.cjs), so the pages ship the computed data and not the engine:
 * a chapter downloads the engine only when the reader nears a widget that runs it.
 */
export default function buildTimeData(context: {siteDir: string}): Plugin {
  return {
    name: 'failover-lab-build-time-data',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              // And `src/**/*.data.ts`: a page's first view computed by the engine (src/lab/playgroundStart.data.ts).
              test: /\.ts$/,
              include: [path.join(context.siteDir, 'docs'), /\.data\.ts$/],
              exclude: /\.(test|d)\.ts$/,
              // Runs after the TypeScript loader and replaces its output with the evaluated data.
              enforce: 'post',
              use: [{loader: path.join(__dirname, 'buildTimeDataLoader.cjs'), options: {siteDir: context.siteDir}}],
            },
          ],
        },
      };
    },
  };
}
