import {describe, expect, it} from 'vitest';
import {Template, Unresolved} from './cfnResolve';

describe('template names that are also Object.prototype members', () => {
  const template = new Template({Parameters: {Size: {Type: 'Number', Default: 3}}, Resources: {}});

  it('an undefined condition named toString is reported as undefined, not run', () => {
    expect(() => template.condition('toString')).toThrow(Unresolved);
    expect(() => template.condition('toString')).toThrow('condition toString is not defined');
  });

  it('a Ref to constructor is neither a parameter nor a resource', () => {
    expect(() => template.resolve({Ref: 'constructor'})).toThrow('"constructor" is neither a parameter nor a resource of the template');
  });

  it('a ${constructor} in a Sub without variables resolves as a Ref, not as the variables object’s prototype', () => {
    expect(() => template.resolve({'Fn::Sub': ['${constructor}', {}]})).toThrow('"constructor" is neither a parameter nor a resource of the template');
    expect(template.resolve({'Fn::Sub': ['n=${Size}', {}]})).toBe('n=3');
  });
});
