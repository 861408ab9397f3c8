/** image.repository: a registry with a port is a repository; a tag on it is refused as a tag. */
import { imageRepository } from '../../lib/core/formats';

describe('image.repository', () => {
  it.each([
    'ghcr.io/boxp/arch/openclaw',
    'registry.example.com:5000/team/openclaw',
    'localhost:32000/openclaw',
    'openclaw',
  ])('accepts %s', (value) => {
    expect(imageRepository(value)).toBeUndefined();
  });

  it.each([
    ['openclaw:1.25', '1.25'],
    ['registry.example.com:5000/openclaw:2026.2.19', '2026.2.19'],
  ])('refuses %s as carrying a tag, naming the tag to move', (value, tag) => {
    expect(imageRepository(value)).toBe(
      `received ${JSON.stringify(value)}, which already ends in a tag, expected a repository without tag ` +
        `(image.tag is appended, giving two tags): remove ":${tag}" from image.repository and put it in image.tag`,
    );
  });
});
