import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// The sidebar is the course outline: pages are listed in teaching order, by hand.
const sidebars: SidebarsConfig = {
  course: ['intro'],
};

export default sidebars;
