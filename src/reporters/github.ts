import type { Reporter } from './types.js';

const reporter: Reporter = {
  format() {
    throw new Error('the github format is not implemented yet');
  },
};

export default reporter;
