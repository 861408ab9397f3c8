/** A schema error's JSON pointer, shown as the dotted path a user writes in openclaw.json. */
import { instancePathToDotted } from '../../lib/openclaw/schema/schema-issues';

describe('the path of a schema error', () => {
  it.each([
    ['', ''],
    ['/gateway/controlUi/0', 'gateway.controlUi[0]'],
    ['/models/providers/a~1b/baseUrl', 'models.providers.a/b.baseUrl'],
    ['/agents/list/3/tools/x~0y', 'agents.list[3].tools.x~y'],
    ['/a/~01', 'a.~1'],
    ['/list/12/0a', 'list[12].0a'],
    ['/7', '[7]'],
  ])('shows %j as %j', (pointer, dotted) => {
    expect(instancePathToDotted(pointer)).toBe(dotted);
  });
});
