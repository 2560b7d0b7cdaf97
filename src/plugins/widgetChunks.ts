// This file runs in Node.js, as part of the build.
import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Widgets that MDX pages load only when the reader nears them (src/components/MountWhenNear/whenNear.tsx):
 * the lab, the quiz and the chapter widgets, with the engine they run. (The predict-first box is not one of them:
 * its server HTML shows the answer, for print and for readers without JavaScript, so it hydrates with the page.)
 */
export const WIDGETS_LOADED_WHEN_NEAR = ['FailoverLab', 'Quiz', 'AzMap', 'HealthCheckTimeline', 'CapacityCalculator', 'ReplicationRace'];

/**
 * What some of those get around them, in the server's HTML and in the browser alike (each `[module, export]`,
 * applied in order): the lab runs its first model on the page, as its server HTML did (src/lab/firstRun.tsx),
 * and takes a chapter's goal by name (src/lab/chapterGoal.tsx).
 */
const WRAPPERS: Record<string, readonly (readonly [string, string])[]> = {
  FailoverLab: [
    ['@site/src/lab/firstRun', 'withFirstRun'],
    ['@site/src/lab/chapterGoal', 'withChapterGoal'],
  ],
};

/** And the ones that show and record the reader's answers: they mount with the progress store (src/quiz/progressOnDemand.ts). */
const WITH_PROGRESS = ['Quiz'];

/**
 * Keeps the failover engine, the widgets and the live-code editor out of the
 * `common` chunk that every page loads.
 *
 * Docusaurus puts any module used by at least half of the pages into `common`.
 * Most chapters use the engine (labs, quiz answers computed from it), so
 * without this it would ship to every page, widget or not. Here `common` only
 * takes third-party code that is not widget-only, and our own shared modules go
 * into chunks shared by just the pages that import them.
 *
 * And an MDX page's import of a widget in WIDGETS_LOADED_WHEN_NEAR becomes that widget loaded when the
 * reader nears it, so the page downloads neither the widget nor the engine before the reader scrolls.
 */
export default function widgetChunks(): Plugin {
  return {
    name: 'failover-lab-widget-chunks',
    configureWebpack(_config, isServer) {
      const whenNear = {
        module: {
          rules: [
            // The engine is pure (no module does anything when imported), so the bundler may leave out every
            // module of it that a chunk does not use: the page's lab imports a few selectors and defaults
            // through src/engine/index.ts, and must not get the whole simulation with them.
            {test: /[\\/]src[\\/]engine[\\/]/, sideEffects: false},
            ...WIDGETS_LOADED_WHEN_NEAR.map((widget) => ({
              test: new RegExp(`[\\\\/]src[\\\\/]components[\\\\/]${widget}[\\\\/]index\\.tsx$`),
              issuer: /\.mdx$/,
              // Runs after the TypeScript loader and replaces its output.
              enforce: 'post' as const,
              use: [{loader: path.join(__dirname, 'whenNearLoader.cjs'), options: {server: isServer, wrappers: WRAPPERS[widget] ?? [], progress: WITH_PROGRESS.includes(widget)}}],
            })),
          ],
        },
      };
      if (isServer) return whenNear;
      return {
        ...whenNear,
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
              // The progress every docs page shows (the sidebar's marks, the line above the title, a prediction's
              // guess) without the store (src/quiz/progressOnDemand.ts): one small chunk. Under `shared`'s minimum
              // size, each chunk that uses it (the sidebar's, the page's, the predictions') got a copy of its own.
              progressView: {
                test: /[\\/]src[\\/](quiz[\\/](progressOnDemand|progressState|progressModel|unitState|courseIndex\.data|questionsKey)|components[\\/]ProgressBadge[\\/]useProgress)\.ts$/,
                name: 'progress-view',
                enforce: true,
                priority: 35,
              },
            },
          },
        },
      };
    },
  };
}
