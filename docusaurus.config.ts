// This file runs in Node.js: no browser APIs here.
import fs from 'node:fs';
import path from 'node:path';
import type {Config, Plugin} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {coloursFromCss} from './src/theme/prismThemes';
import widgetChunks from './src/plugins/widgetChunks';
import securityHeaders from './src/plugins/securityHeaders';
import buildTimeData from './src/plugins/buildTimeData';
import chunkStats from './src/plugins/chunkStats';
import prismWithCodeBlocks from './src/plugins/prismWithCodeBlocks';
import codeColours from './src/plugins/codeColours';
import shallowMemoWithoutCollator from './src/plugins/shallowMemoWithoutCollator';

/** Writes robots.txt (allow all, point to the sitemap) from the site's own URL, so it stays right when `url` changes. */
function robotsTxt(): Plugin {
  return {
    name: 'failover-lab-robots-txt',
    async postBuild({outDir, siteConfig}) {
      const sitemap = new URL(`${siteConfig.baseUrl}sitemap.xml`, siteConfig.url).href;
      fs.writeFileSync(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
    },
  };
}

const config: Config = {
  title: 'Failover Lab',
  tagline: 'Run a service across Availability Zones, break one on purpose, and watch what survives.',
  favicon: 'img/favicon.svg',

  // The site is plain static files; change `url` and `baseUrl` for your host.
  url: 'https://failover-lab.example.org',
  baseUrl: '/',
  trailingSlash: false,

  // The Rspack persistent cache is off: a build killed part-way (two builds at
  // once, a timeout) left it corrupt here, and every later build hung silently.
  future: {v4: true, faster: {rspackPersistentCache: false}},

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
    // Chapters give headings stable anchors with `## Title {#anchor}` and titled
    // admonitions with `:::tip Predict first`; the v4 defaults turn both
    // syntaxes off, so keep them on explicitly.
    mdx1Compat: {headingIds: true, admonitions: true},
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
        sitemap: {changefreq: 'weekly', priority: 0.5},
      } satisfies Preset.Options,
    ],
  ],

  // Route prefetches wait for idle time (see the file).
  clientModules: [path.resolve(__dirname, 'src/clientModules/prefetchWhenIdle.ts')],

  plugins: [
    // Before plugin-pwa: it precaches the pages, which must already hold their policy.
    securityHeaders,
    [
      '@docusaurus/plugin-pwa',
      {
        // Every reader gets the offline copy after a first visit: chapters, labs and quizzes all
        // run in the browser, so the whole site is precached by the service worker.
        offlineModeActivationStrategies: ['always'],
        // How requests are answered from the offline copy (pages as `<path>.html`, the 404 page, the network
        // when the browser has dropped a cached file); see the file for why each is needed.
        swCustom: path.resolve(__dirname, 'src/sw/fetchFallback.js'),
        // The plugin's own registration, started once the page has hydrated and is idle, so precaching
        // the site does not slow down a first visit's start (see the file).
        swRegister: path.resolve(__dirname, 'src/pwa/registerWhenIdle.ts'),
        injectManifestConfig: {
          // The social preview image is for other sites' crawlers, not for readers.
          globIgnores: ['img/og-image.png'],
        },
        pwaHead: [
          {tagName: 'link', rel: 'manifest', href: '/manifest.json'},
          {tagName: 'meta', name: 'theme-color', content: '#0f467b'},
          {tagName: 'link', rel: 'apple-touch-icon', href: '/img/apple-touch-icon.png'},
        ],
      },
    ],
    robotsTxt,
    widgetChunks,
    buildTimeData,
    chunkStats,
    prismWithCodeBlocks,
    codeColours,
    shallowMemoWithoutCollator,
  ],

  themes: [
    '@docusaurus/theme-live-codeblock',
    [
      '@easyops-cn/docusaurus-search-local',
      {
        // The index is built with the site and searched in the browser: no outside service.
        hashed: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: '/docs',
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
      },
    ],
  ],

  themeConfig: {
    // The social preview (Open Graph and Twitter card), drawn for the course: scripts/images/og-image.html.
    image: 'img/og-image.png',
    colorMode: {
      defaultMode: 'light',
      respectPrefersColorScheme: true,
    },
    metadata: [
      {name: 'description', content: 'An interactive course on multi-AZ resilience: zones, tasks, load balancers, health checks, static stability and database failover, with a live failover model.'},
      {property: 'og:image:width', content: '1200'},
      {property: 'og:image:height', content: '630'},
      {property: 'og:image:alt', content: 'Failover Lab: a load balancer in front of three Availability Zones, one of them lost, and the dip in requests served while it is.'},
      {property: 'og:site_name', content: 'Failover Lab'},
    ],
    navbar: {
      title: 'Failover Lab',
      // The title beside it already says "Failover Lab": an alt text repeating it is read twice (Lighthouse's image-redundant-alt).
      logo: {alt: '', src: 'img/logo.svg', width: 32, height: 32},
      items: [
        {type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course'},
        {to: '/playground', label: 'Playground', position: 'left'},
        {to: '/import', label: 'Import your service', position: 'left'},
        {to: '/progress', label: 'Your progress', position: 'right'},
        {to: '/onboarding', label: 'Onboarding', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Course',
          items: [
            {label: 'How the course works', to: '/docs/intro'},
            {label: 'Playground', to: '/playground'},
            {label: 'Your progress', to: '/progress'},
            {label: 'Onboarding track for teams', to: '/onboarding'},
            {label: 'Model API', to: '/docs/reference/model-api'},
          ],
        },
        {
          title: 'Primary sources',
          items: [
            {label: 'AWS fault isolation boundaries', href: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/availability-zones.html'},
            {label: "Builders' Library: static stability", href: 'https://aws.amazon.com/builders-library/static-stability-using-availability-zones/'},
          ],
        },
      ],
      copyright: `Failover Lab. Numbers are AWS's documented typical values, not guarantees; each page links its sources.`,
    },
    prism: {
      // Colours come from CSS (src/plugins/codeColours.ts), so a block's server HTML suits both modes.
      theme: coloursFromCss,
      darkTheme: coloursFromCss,
      additionalLanguages: ['bash', 'json'],
    },
    liveCodeBlock: {playgroundPosition: 'bottom'},
    docs: {sidebar: {hideable: true}},
  } satisfies Preset.ThemeConfig,
};

export default config;
