/**
 * The importer: AWS CLI describe output, CloudFormation templates and
 * Terraform JSON in; the engine's model, a mapping of every field to its
 * origin, what is not modelled and what went wrong out. Pure and synchronous,
 * nothing is fetched or sent.
 */
import {isAwsCliDocument, readAwsCli} from './awsCli';
import {buildModel} from './build';
import {isTemplate, readCloudFormation} from './cloudformation';
import {parseText} from './parse';
import {readTerraform, isTerraform} from './terraform';
import {emptyInventory, type ImportInput, type ImportResult, type ReaderFigures} from './types';
import {isObj} from './values';

export {MAX_INPUT_BYTES} from './parse';
export type * from './types';

const HCL = /^\s*(resource|module|variable|provider|terraform|data|locals|output)\s+("[^"]*"\s*)*\{/m;

function describeShape(doc: unknown): string {
  if (Array.isArray(doc)) return 'a list';
  if (!isObj(doc)) return `a ${doc === null ? 'null' : typeof doc} value`;
  const keys = Object.keys(doc).slice(0, 6);
  return keys.length ? `an object with ${keys.join(', ')}` : 'an empty object';
}

/**
 * Imports one or several inputs into one model. Several inputs combine (for
 * example the describe outputs pasted one by one). Never throws.
 */
export function importInputs(inputs: readonly ImportInput[], figures: ReaderFigures = {}): ImportResult {
  const inv = emptyInventory();
  const cli: {doc: unknown; input: string}[] = [];
  for (const input of inputs) {
    if (input.text.trim() === '') continue;
    if (HCL.test(input.text) && !/^\s*[{[]/.test(input.text)) {
      inv.problems.push({severity: 'error', input: input.name, message: `${input.name} looks like Terraform HCL, which this page does not read: run \`terraform show -json plan.out > plan.json\` (or \`terraform show -json > state.json\`) and import that file.`});
      continue;
    }
    const parsed = parseText(input.text);
    if (!parsed.ok) {
      inv.problems.push({severity: 'error', input: input.name, message: `${input.name}: ${parsed.message}.`});
      continue;
    }
    for (const doc of parsed.documents) {
      if (isTemplate(doc)) {
        inv.formats.push('cloudformation');
        readCloudFormation(doc, inv, input.name);
      } else if (isTerraform(doc)) {
        inv.formats.push('terraform');
        readTerraform(doc, inv);
      } else if (isAwsCliDocument(doc)) {
        inv.formats.push('aws-cli');
        cli.push({doc, input: input.name});
      } else {
        inv.problems.push({
          severity: 'error',
          input: input.name,
          message: `${input.name} is ${describeShape(doc)}, which is none of the shapes this page reads: AWS CLI describe output (services, LoadBalancers, TargetGroups, Attributes, TargetHealthDescriptions, DBInstances, DBClusters, Subnets or taskDefinition), a CloudFormation template (Resources) or \`terraform show -json\` output (format_version with planned_values or values).`,
        });
      }
    }
  }
  if (cli.length) readAwsCli(cli, inv);
  inv.formats = [...new Set(inv.formats)];
  if (inputs.every((i) => i.text.trim() === '')) {
    inv.problems.push({severity: 'error', message: 'Nothing to import: paste an output, a template or a plan, or choose a file.'});
  }
  return buildModel(inv, figures);
}
