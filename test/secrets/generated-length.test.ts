/** generatedLength: 64 to 4096 characters, both ends included. */
import { secretDeclarationSchema } from '../../lib/secrets/secrets-config-section';

const generatedLength = secretDeclarationSchema.shape.generatedLength;

describe('generatedLength of a generated secret', () => {
  it.each([64, 65, 4095, 4096])('accepts %i', (length) => {
    expect(generatedLength.safeParse(length).success).toBe(true);
  });

  it.each([63, 4097])('refuses %i with the range and the fix', (length) => {
    expect(generatedLength.safeParse(length).error?.issues.map((i) => i.message)).toEqual([
      `received ${length}, expected an integer from 64 (≥ 32 bytes of entropy in alphanumerics) to 4096 ` +
        '(the SSM standard-tier value limit): set generatedLength in that range',
    ]);
  });
});
