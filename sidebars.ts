import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// The sidebar is the course outline: pages are listed in teaching order, by hand.
// A chapter lives in docs/<slug>/index.mdx, so its id here is '<slug>/index'.
const sidebars: SidebarsConfig = {
  course: [
    'intro',
    'zones-are-failure-domains/index',
    'same-container-several-zones/index',
    'load-balancers-health-checks/index',
    'capacity-for-a-lost-zone/index',
    // Clients and overload follow capacity: the clients' DNS caches and retries extend chapter 3's error
    // window and land on the zones left, whose capacity chapter 4 sized; overload is what happens when they fall short.
    'clients-during-a-zone-loss/index',
    'overload/index',
    'stateless-services/index',
    'replication-fundamentals/index',
    'managed-databases/index',
    'self-managed-replication/index',
    'capstone/index',
    'game-days/index',
    'evacuating-a-sick-zone/index',
    {
      type: 'category',
      label: 'Reference',
      collapsed: false,
      items: ['reference/model-api', 'reference/glossary', 'reference/cheat-sheet'],
    },
  ],
};

export default sidebars;
