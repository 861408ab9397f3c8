import { ConfigError, formatConfigProblem } from '../../lib/core/config-problem';

describe('ConfigError', () => {
  const one = { rule: 'k8s-name', object: 'config.namespace', message: 'received "A", expected a label: rename it' };
  const two = {
    rule: 'config-text',
    object: 'config.name',
    message: 'received an empty string, expected a name: set it',
  };

  it('formats one problem as its line', () => {
    expect(formatConfigProblem(one)).toBe('[k8s-name] config.namespace: received "A", expected a label: rename it');
    const error = new ConfigError([one]);
    expect(error.message).toBe(formatConfigProblem(one));
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual([one]);
  });

  it('lists several problems one per line under a count', () => {
    expect(new ConfigError([one, two]).message).toBe(
      'the config has 2 problems:\n' +
        '- [k8s-name] config.namespace: received "A", expected a label: rename it\n' +
        '- [config-text] config.name: received an empty string, expected a name: set it',
    );
  });
});
