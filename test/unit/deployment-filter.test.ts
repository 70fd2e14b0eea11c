import { describe, expect, it } from 'vitest';
import { filterDeployments } from '../../src/domain/deployment-filter';

const d = (name: string, resourceGroup = 'edge-rg', location = 'eastus2', subscriptionName = 'Production') => ({
  name,
  resourceGroup,
  location,
  subscriptionName,
  subscriptionId: `sub-${name}`,
});
const LIST = [d('api-web-01'), d('web-01'), d('web-01-canary'), d('stage-web', 'stage_rg', 'westeurope', 'Staging')];
const names = (filter: string) => filterDeployments(LIST, filter).map((x) => x.name);

describe('the deployment filter', () => {
  it.each([
    ['', ['api-web-01', 'web-01', 'web-01-canary', 'stage-web']],
    ['web-01', ['web-01', 'web-01-canary', 'api-web-01']],
    ['WEB01', ['web-01', 'web-01-canary', 'api-web-01']],
    ['web-', ['web-01', 'web-01-canary', 'api-web-01']],
    ['web westeurope', ['stage-web']],
    ['stagerg', ['stage-web']],
    ['staging web', ['stage-web']],
    ['canary 01', ['web-01-canary']],
    ['rg\neastus2', ['api-web-01', 'web-01', 'web-01-canary']],
    ['01production', []],
    ['nothing', []],
  ])('%j finds %j (exact, then starting with it, then containing it, each in list order)', (filter, expected) => {
    expect(names(filter)).toEqual(expected);
  });

  it('never matches a word across two fields', () => {
    expect(names('eastus2production')).toEqual([]);
    expect(names('01edge')).toEqual([]);
  });

  it('typing on, deleting and changing words finds what a fresh filter finds', () => {
    const typed = [
      'w',
      'we',
      'web',
      'web0',
      'web01',
      'web-',
      'web',
      'web 01',
      'web 01 can',
      'web 0',
      'stag',
      'eastus2',
    ];
    const seen = typed.map((filter) => filterDeployments(LIST, filter).map((x) => x.name));
    const fresh = typed.map((filter) => filterDeployments([...LIST], filter).map((x) => x.name));
    expect(seen).toEqual(fresh);
    expect(seen[4]).toEqual(['web-01', 'web-01-canary', 'api-web-01']);
    expect(seen[8]).toEqual(['web-01-canary']);
    expect(seen[9]).toEqual(['web-01', 'web-01-canary', 'api-web-01']);
  });
});
