import { Testing } from 'cdktf';

// Registers cdktf's own matchers (toHaveResource, toHaveResourceWithProperties, ...) on vitest's expect.
Testing.setupJest();
