// This file runs in Node.js: no browser APIs here.
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {lightCodeTheme, darkCodeTheme} from './src/theme/prismThemes';

const config: Config = {
  title: 'Failover Lab',
  tagline: 'Run a service across Availability Zones, break one on purpose, and watch what survives.',
  favicon: 'img/favicon.svg',

  // The site is plain static files; change `url` and `baseUrl` for your host.
  url: 'https://failover-lab.example.org',
  baseUrl: '/',
  trailingSlash: false,

  future: {v4: true},

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
    colorMode: {
      defaultMode: 'light',
      respectPrefersColorScheme: true,
    },
    metadata: [
      {name: 'description', content: 'An interactive course on multi-AZ resilience: zones, tasks, load balancers, health checks, static stability and database failover, with a live failover model.'},
    ],
    navbar: {
      title: 'Failover Lab',
      logo: {alt: 'Failover Lab', src: 'img/logo.svg', width: 32, height: 32},
      items: [
        {type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course'},
        {to: '/playground', label: 'Playground', position: 'left'},
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
      theme: lightCodeTheme,
      darkTheme: darkCodeTheme,
      additionalLanguages: ['bash', 'json'],
    },
    liveCodeBlock: {playgroundPosition: 'bottom'},
    docs: {sidebar: {hideable: true}},
  } satisfies Preset.ThemeConfig,
};

export default config;
