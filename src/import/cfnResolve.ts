/**
 * CloudFormation intrinsic functions, resolved where the template allows it:
 * parameters by their defaults, conditions, mappings, `Fn::Sub`, `Fn::Join`,
 * `Fn::Select`, `Fn::Split`, `Fn::If`, `Fn::GetAZs`. A reference to a
 * resource becomes a `ResourceRef`; anything known only at deploy time (the
 * region, another stack's export, a parameter with no default) throws
 * `Unresolved` with the reason.
 */
import {asArray, isObj, type Obj} from './values';

/** A reference to a resource of the template (`Ref` or `Fn::GetAtt`). */
export interface ResourceRef {
  resourceRef: string;
  attribute?: string;
}

/** The n-th zone of the region (`Fn::Select [n, Fn::GetAZs '']`): named only at deploy time. */
export interface RegionZone {
  regionZone: number;
}

/** Thrown when a value is known only at deploy time. */
export class Unresolved extends Error {}

const NO_VALUE = Symbol('AWS::NoValue');

export function isResourceRef(v: unknown): v is ResourceRef {
  return isObj(v) && typeof v.resourceRef === 'string';
}

export function isRegionZone(v: unknown): v is RegionZone {
  return isObj(v) && typeof v.regionZone === 'number';
}

/** The zone name the model uses for the region's n-th zone. */
export function regionZoneName(index: number): string {
  return `az-${index + 1}`;
}

export class Template {
  readonly parameters: Obj;
  readonly conditions: Obj;
  readonly mappings: Obj;
  readonly resources: Obj;
  private conditionValues = new Map<string, boolean>();

  constructor(doc: Obj) {
    this.parameters = isObj(doc.Parameters) ? doc.Parameters : {};
    this.conditions = isObj(doc.Conditions) ? doc.Conditions : {};
    this.mappings = isObj(doc.Mappings) ? doc.Mappings : {};
    this.resources = isObj(doc.Resources) ? doc.Resources : {};
  }

  private parameter(name: string): unknown {
    const param = this.parameters[name];
    if (!isObj(param)) throw new Unresolved(`"${name}" is neither a parameter nor a resource of the template`);
    const type = typeof param.Type === 'string' ? param.Type : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value')) throw new Unresolved(`parameter ${name} is read from SSM Parameter Store at deploy time`);
    if (param.Default === undefined) throw new Unresolved(`parameter ${name} has no default`);
    if (type.startsWith('List<') || type === 'CommaDelimitedList') {
      return Array.isArray(param.Default) ? param.Default : String(param.Default).split(',').map((s) => s.trim());
    }
    return param.Default;
  }

  /** The value of a condition by name, from the parameters' defaults. */
  condition(name: string): boolean {
    const known = this.conditionValues.get(name);
    if (known !== undefined) return known;
    if (!Object.hasOwn(this.conditions, name)) throw new Unresolved(`condition ${name} is not defined`);
    const value = this.resolve(this.conditions[name]);
    if (typeof value !== 'boolean') throw new Unresolved(`condition ${name} is not true or false`);
    this.conditionValues.set(name, value);
    return value;
  }

  private sub(template: string, vars: Obj): string {
    return template.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const value = Object.hasOwn(vars, name) ? this.resolve(vars[name]) : this.resolve({Ref: name.split('.')[0]!});
      if (isResourceRef(value)) throw new Unresolved(`${whole} is a resource's value, known only after deployment`);
      return String(value);
    });
  }

  private fn(name: string, arg: unknown): unknown {
    switch (name) {
      case 'Ref': {
        const target = String(arg);
        if (target === 'AWS::NoValue') return NO_VALUE;
        if (target.startsWith('AWS::')) throw new Unresolved(`${target} is known only at deploy time`);
        if (Object.hasOwn(this.resources, target)) return {resourceRef: target} satisfies ResourceRef;
        return this.parameter(target);
      }
      case 'Fn::GetAtt': {
        const [resource, attribute] = Array.isArray(arg) ? arg.map((a) => this.resolve(a)) : String(arg).split('.');
        return {resourceRef: String(resource), attribute: attribute === undefined ? undefined : String(attribute)} satisfies ResourceRef;
      }
      case 'Fn::GetAZs':
        return [0, 1, 2, 3, 4, 5].map((regionZone) => ({regionZone}) satisfies RegionZone);
      case 'Fn::Select': {
        const [index, list] = asArray(arg).map((a) => this.resolve(a));
        const items = asArray(list);
        const i = Number(index);
        if (!Number.isInteger(i) || i < 0 || i >= items.length) throw new Unresolved(`Fn::Select index ${String(index)} is outside the list`);
        return items[i];
      }
      case 'Fn::Join': {
        const [delimiter, list] = asArray(arg);
        const parts = asArray(this.resolve(list)).map((p) => this.resolve(p));
        if (parts.some((p) => isObj(p))) throw new Unresolved('Fn::Join joins a value known only after deployment');
        return parts.join(String(delimiter));
      }
      case 'Fn::Split': {
        const [delimiter, text] = asArray(arg);
        return String(this.resolve(text)).split(String(delimiter));
      }
      case 'Fn::Sub':
        if (typeof arg === 'string') return this.sub(arg, {});
        return this.sub(String(asArray(arg)[0]), isObj(asArray(arg)[1]) ? (asArray(arg)[1] as Obj) : {});
      case 'Fn::FindInMap': {
        const [map, top, second] = asArray(arg).map((a) => this.resolve(a));
        const table = this.mappings[String(map)];
        const row = isObj(table) ? table[String(top)] : undefined;
        if (!isObj(row) || !(String(second) in row)) throw new Unresolved(`Fn::FindInMap: ${String(map)} has no ${String(top)}.${String(second)}`);
        return row[String(second)];
      }
      case 'Fn::If': {
        const [condition, yes, no] = asArray(arg);
        return this.resolve(this.condition(String(condition)) ? yes : no);
      }
      case 'Fn::Equals': {
        const [a, b] = asArray(arg).map((x) => this.resolve(x));
        return JSON.stringify(a) === JSON.stringify(b);
      }
      case 'Fn::Not':
        return !this.resolve(asArray(arg)[0]);
      case 'Fn::And':
        return asArray(arg).every((c) => this.resolve(c) === true);
      case 'Fn::Or':
        return asArray(arg).some((c) => this.resolve(c) === true);
      case 'Condition':
        return this.condition(String(arg));
      case 'Fn::Base64':
        return this.resolve(arg);
      case 'Fn::ImportValue':
        throw new Unresolved('Fn::ImportValue reads another stack’s export, known only at deploy time');
      default:
        throw new Unresolved(`${name} is not resolved by this page`);
    }
  }

  /**
   * The value at a path (property names and list indexes), resolving only what
   * lies on the way, so an unresolvable sibling does not matter. Undefined when absent.
   */
  at(value: unknown, path: (string | number)[]): unknown {
    let current = value;
    for (const step of path) {
      if (isObj(current) && Object.keys(current).length === 1 && /^(Ref|Fn::)/.test(Object.keys(current)[0]!)) current = this.resolve(current);
      if (current === undefined || current === null || current === NO_VALUE) return undefined;
      current = typeof step === 'number' ? asArray(current)[step] : isObj(current) ? current[step] : undefined;
    }
    const resolved = this.resolve(current);
    return resolved === NO_VALUE ? undefined : resolved;
  }

  /** Resolves a value; `AWS::NoValue` drops the property or item. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.resolve(v)).filter((v) => v !== NO_VALUE);
    if (!isObj(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'))) return this.fn(keys[0]!, value[keys[0]!]);
    const out: Obj = {};
    for (const key of keys) {
      const v = this.resolve(value[key]);
      if (v !== NO_VALUE) out[key] = v;
    }
    return out;
  }
}
