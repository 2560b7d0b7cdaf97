/**
 * The shell snippet the import page offers: read-only describe calls only,
 * collected into one JSON file whose keys name each output. The importer
 * recognises each output by its shape, so the keys are for people.
 */

/** Every AWS CLI call the snippet makes (the unit test checks they are all read-only: describe or list). */
export const SNIPPET_CALLS = [
  'ecs describe-services',
  'ecs list-tasks',
  'ecs describe-tasks',
  'ecs describe-task-definition',
  'elbv2 describe-load-balancers',
  'elbv2 describe-target-groups',
  'elbv2 describe-target-group-attributes',
  'elbv2 describe-target-health',
  'elbv2 describe-load-balancer-attributes',
  'ec2 describe-subnets',
  'ec2 describe-route-tables',
  'ec2 describe-nat-gateways',
  'rds describe-db-instances',
  'rds describe-db-clusters',
] as const;

export const SHELL_SNIPPET = `# Read-only: every call below only describes. Set the names first.
CLUSTER=my-cluster          # ECS cluster
SERVICE=my-service          # one ECS service
DB_INSTANCE=                # RDS instance identifier, or leave empty
DB_CLUSTER=                 # Aurora or Multi-AZ DB cluster identifier, or leave empty
OUT=failover-lab-import.json

svc() { aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" "$@"; }
TG=$(svc --query 'services[0].loadBalancers[0].targetGroupArn' --output text)
TD=$(svc --query 'services[0].taskDefinition' --output text)
SUBNETS=$(svc --query 'services[0].networkConfiguration.awsvpcConfiguration.subnets' --output text)
# The service's running tasks (describe-tasks takes at most 100): which zone each one is in.
TASKS=$(aws ecs list-tasks --cluster "$CLUSTER" --service-name "$SERVICE" --desired-status RUNNING --query 'taskArns[:100]' --output text)
# The VPC: its subnets (with zone IDs), route tables and NAT gateways say where outbound traffic leaves.
VPC=$(aws ec2 describe-subnets --subnet-ids $SUBNETS --query 'Subnets[0].VpcId' --output text)
LB=$(aws elbv2 describe-target-groups --target-group-arns "$TG" --query 'TargetGroups[0].LoadBalancerArns[0]' --output text)
{
  echo '{"describeServices":'; svc --output json
  if [ -n "$TASKS" ] && [ "$TASKS" != "None" ]; then
    echo ',"describeTasks":'; aws ecs describe-tasks --cluster "$CLUSTER" --tasks $TASKS --output json
  fi
  echo ',"describeTaskDefinition":'; aws ecs describe-task-definition --task-definition "$TD" --output json
  echo ',"describeLoadBalancers":'; aws elbv2 describe-load-balancers --load-balancer-arns "$LB" --output json
  echo ',"describeTargetGroups":'; aws elbv2 describe-target-groups --target-group-arns "$TG" --output json
  echo ',"describeTargetGroupAttributes":'; aws elbv2 describe-target-group-attributes --target-group-arn "$TG" --output json
  echo ',"describeTargetHealth":'; aws elbv2 describe-target-health --target-group-arn "$TG" --output json
  echo ',"describeLoadBalancerAttributes":'; aws elbv2 describe-load-balancer-attributes --load-balancer-arn "$LB" --output json
  echo ',"describeSubnets":'; aws ec2 describe-subnets --filters "Name=vpc-id,Values=$VPC" --output json
  echo ',"describeRouteTables":'; aws ec2 describe-route-tables --filters "Name=vpc-id,Values=$VPC" --output json
  echo ',"describeNatGateways":'; aws ec2 describe-nat-gateways --filter "Name=vpc-id,Values=$VPC" --output json
  if [ -n "$DB_INSTANCE" ]; then
    echo ',"describeDbInstances":'; aws rds describe-db-instances --db-instance-identifier "$DB_INSTANCE" --output json
  fi
  if [ -n "$DB_CLUSTER" ]; then
    echo ',"describeDbClusters":'; aws rds describe-db-clusters --db-cluster-identifier "$DB_CLUSTER" --output json
    echo ',"describeDbClusterInstances":'; aws rds describe-db-instances --filters "Name=db-cluster-id,Values=$DB_CLUSTER" --output json
  fi
  echo '}'
} > "$OUT"
echo "Wrote $OUT: choose it on the import page."
`;
