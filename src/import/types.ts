/**
 * Types of the importer: what a reader finds in an input (an inventory of
 * facts, each with where it came from), and what the importer gives back (the
 * engine's model, a mapping of every model field to its origin, what was found
 * but is not modelled, and the problems met on the way).
 */
import type {Model} from '@site/src/engine';

/** A value read from the input, with the resource and attribute it came from. */
export interface Sourced<T> {
  value: T;
  /** E.g. `AWS::ECS::Service Api · DesiredCount` or `ecs describe-services · services[0].desiredCount`. */
  from: string;
  /** Set when the input left the attribute out and the value is the format's documented default. */
  origin?: 'aws-default' | 'estimate';
  /** Where that default is documented. */
  link?: string;
}

/** One input: a file or a paste. */
export interface ImportInput {
  /** File name, or "pasted text 1". */
  name: string;
  text: string;
}

/** Which reader understood an input. */
export type InputFormat = 'aws-cli' | 'cloudformation' | 'terraform';

/** Something the reader should know: an error stops the import, a warning leaves a partial one. */
export interface ImportProblem {
  severity: 'error' | 'warning';
  /** The input it is about. */
  input?: string;
  /** The resource (logical id, address, ARN or name) it is about. */
  resource?: string;
  /** The attribute it is about. */
  attribute?: string;
  message: string;
}

/** An ECS service as found in the input. */
export interface ServiceFacts {
  /** Name, logical id or address. */
  name: string;
  from: string;
  desiredCount?: Sourced<number>;
  /** Subnets the tasks run in, as keys into the inventory's subnets. */
  subnets?: Sourced<string[]>;
  /** Target groups the service registers with, as keys into the inventory's target groups. */
  targetGroups: string[];
  /** ECS `availabilityZoneRebalancing`. */
  rebalance?: Sourced<boolean>;
  /** `FARGATE`, `EC2`… (informational). */
  launchType?: string;
}

/** A running task as `ecs describe-tasks` shows it. */
export interface TaskFacts {
  /** Its zone (`availabilityZone`). */
  zone: string;
  /** The service it belongs to, from `group` (`service:checkout` → `checkout`), when given. */
  service?: string;
  /** Task ARN, or its place in the output. */
  name: string;
}

/** A subnet and its zone. */
export interface SubnetFacts {
  /** Every key it is known by (id, logical id, address). */
  keys: string[];
  zone?: Sourced<string>;
  /** The zone's ID (`use1-az1`), the same physical zone in every account, when the input gives it. */
  zoneId?: string;
  /** Why its zone is unknown, when it is. */
  zoneProblem?: string;
}

/** A load balancer (ELBv2). */
export interface LoadBalancerFacts {
  keys: string[];
  name: string;
  from: string;
  type: 'application' | 'network' | 'gateway';
  /** Zones named directly (the CLI lists them). */
  zones?: Sourced<string[]>;
  /** Subnets, as keys into the inventory's subnets (templates and Terraform). */
  subnets?: Sourced<string[]>;
  /** Load-balancer-level `load_balancing.cross_zone.enabled`. */
  crossZone?: Sourced<boolean>;
  /** Target groups its listeners forward to, when the input says. */
  targetGroups: string[];
}

/** A target group. */
export interface TargetGroupFacts {
  keys: string[];
  name: string;
  from: string;
  /** Load balancers it is attached to, when the input says. */
  loadBalancers: string[];
  intervalSeconds?: Sourced<number>;
  timeoutSeconds?: Sourced<number>;
  healthyThreshold?: Sourced<number>;
  unhealthyThreshold?: Sourced<number>;
  deregistrationDelaySeconds?: Sourced<number>;
  sticky?: Sourced<boolean>;
  /** Target-group-level cross-zone setting: on, off, or the load balancer's. */
  crossZone?: Sourced<'true' | 'false' | 'use_load_balancer_configuration'>;
  /** Targets seen healthy (describe-target-health). */
  healthyTargets?: Sourced<number>;
}

/** An RDS DB instance. */
export interface DbInstanceFacts {
  keys: string[];
  name: string;
  from: string;
  engine?: string;
  multiAz?: Sourced<boolean>;
  zone?: Sourced<string>;
  /** The standby's zone (the CLI's `SecondaryAvailabilityZone`). */
  standbyZone?: Sourced<string>;
  /** The cluster it belongs to (Aurora or a Multi-AZ DB cluster). */
  cluster?: string;
  /** The instance it replicates from, when it is a read replica. */
  replicaOf?: string;
  /** Aurora promotion tier (lower first). */
  promotionTier?: number;
  /** Aurora: the writer (the CLI's `IsClusterWriter`). */
  writer?: boolean;
}

/** An RDS DB cluster (Aurora, or a Multi-AZ DB cluster). */
export interface DbClusterFacts {
  keys: string[];
  name: string;
  from: string;
  engine: string;
  /** A Multi-AZ DB cluster (not Aurora): it has a `DBClusterInstanceClass`. */
  multiAzCluster: boolean;
  zones?: Sourced<string[]>;
  /** Members as listed by the cluster (the CLI), writer first when known. */
  members: {key: string; writer: boolean; promotionTier?: number}[];
}

/** A NAT gateway and the subnet (so the zone) it sits in. */
export interface NatGatewayFacts {
  keys: string[];
  name: string;
  /** E.g. `AWS::EC2::NatGateway Nat`. */
  from: string;
  /** Its subnet, as a key into the inventory's subnets. */
  subnet?: string;
  /** `AvailabilityMode: regional`: one gateway AWS runs in every zone where the VPC has subnets (the default, zonal, lives in one). */
  regional?: boolean;
}

/** Outbound routing: which route tables send the internet (0.0.0.0/0) to which NAT gateway, and which subnets use which table. */
export interface NatRouting {
  gateways: NatGatewayFacts[];
  routes: {routeTable: string; natGateway: string; from: string}[];
  associations: {subnet: string; routeTable: string}[];
  /** Main route tables (the CLI's `Associations[].Main`): they serve the subnets no table is associated with. */
  mainRouteTables: string[];
}

/** A resource found but not in the model. */
export interface NotModelled {
  /** E.g. `AWS::SQS::Queue` or `aws_sqs_queue`. */
  type: string;
  name: string;
  /** What it means in a zone loss, in one line. */
  meaning: string;
}

/** ECS container health check (task definition), which sets how soon the scheduler notices a stopped task. */
export interface ContainerHealthFacts {
  intervalSeconds: Sourced<number>;
  retries: Sourced<number>;
}

/** Everything the readers found, before it becomes a model. */
export interface Inventory {
  services: ServiceFacts[];
  subnets: SubnetFacts[];
  loadBalancers: LoadBalancerFacts[];
  targetGroups: TargetGroupFacts[];
  dbInstances: DbInstanceFacts[];
  dbClusters: DbClusterFacts[];
  containerHealth?: ContainerHealthFacts;
  /** Running tasks (`ecs describe-tasks`): where the tasks really are. */
  tasks: TaskFacts[];
  nat: NatRouting;
  notModelled: NotModelled[];
  problems: ImportProblem[];
  formats: InputFormat[];
}

/** Where a model field's value came from. */
export type Origin = 'input' | 'aws-default' | 'estimate' | 'derived';

/** One row of the mapping table. */
export interface MappingRow {
  /** Model field, e.g. `loadBalancer.healthCheck.intervalSeconds`. */
  field: string;
  /** The value as text. */
  value: string;
  origin: Origin;
  /** Resource and attribute, or the default's source, or why it is an estimate. */
  source: string;
  /** A documentation link for a default. */
  link?: string;
}

/** Figures no AWS description holds: the reader's own, or the model's illustrative defaults. */
export interface ReaderFigures {
  /** Peak requests per second. */
  requestsPerSecond?: number;
  /** Requests per second one task serves. */
  capacityPerTask?: number;
  /** The service to import when the input holds several (its name as listed in `ImportResult.services`). */
  service?: string;
  /** Share of requests (0–1) that call out to the internet, through a NAT gateway when the tasks' subnets route through one. */
  egressShare?: number;
}

/** What an import gives. `model` is null when nothing usable was found (see `problems`). */
export interface ImportResult {
  model: Model | null;
  mapping: MappingRow[];
  notModelled: NotModelled[];
  problems: ImportProblem[];
  formats: InputFormat[];
  /** Name of the service imported, when one was. */
  serviceName: string | null;
  /** Every ECS service found, when there are several to choose from (the page offers a choice); otherwise empty. */
  services: string[];
  /** Zone name → zone ID (`us-east-1a` → `use1-az1`) for the zones whose ID the input gave. */
  zoneIds: Record<string, string>;
}

/** An empty inventory. */
export function emptyInventory(): Inventory {
  return {services: [], subnets: [], loadBalancers: [], targetGroups: [], dbInstances: [], dbClusters: [], tasks: [], nat: {gateways: [], routes: [], associations: [], mainRouteTables: []}, notModelled: [], problems: [], formats: []};
}
