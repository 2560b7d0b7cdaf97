// This file runs in Node.js, as part of the build.
import fs from 'node:fs';
import type {Plugin} from '@docusaurus/types';

interface StatsModule {
  name?: string;
  identifier?: string;
  size?: number;
  modules?: StatsModule[];
}
interface StatsChunk {
  id?: string | number;
  files?: string[];
  size?: number;
  modules?: StatsModule[];
}

/**
 * With `CHUNK_STATS=<file>` set, writes which source modules each browser chunk holds (name and raw size),
 * so that `node scripts/js-weight-report.mjs` can say what a page's heaviest scripts are made of. Off by
 * default: the build does not pay for it.
 */
export default function chunkStats(): Plugin {
  return {
    name: 'failover-lab-chunk-stats',
    configureWebpack(_config, isServer) {
      const file = process.env.CHUNK_STATS;
      if (isServer || !file) return {};
      return {
        plugins: [
          {
            apply(compiler: {hooks: {done: {tap(name: string, fn: (stats: {toJson(options: object): {chunks?: StatsChunk[]}}) => void): void}}}) {
              compiler.hooks.done.tap('failover-lab-chunk-stats', (stats) => {
                const {chunks = []} = stats.toJson({all: false, chunks: true, chunkModules: true, nestedModules: true, ids: true});
                const flat = (modules: StatsModule[] = []): {name: string; size: number}[] =>
                  modules.flatMap((m) => (m.modules?.length ? flat(m.modules) : [{name: m.name ?? m.identifier ?? '?', size: m.size ?? 0}]));
                const out = chunks.map((chunk) => ({
                  files: chunk.files ?? [],
                  size: chunk.size ?? 0,
                  modules: flat(chunk.modules).sort((a, b) => b.size - a.size),
                }));
                fs.writeFileSync(file, JSON.stringify(out, null, 1));
              });
            },
          },
        ],
      };
    },
  };
}
