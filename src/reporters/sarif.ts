import type { Reporter } from './types.js';

const reporter: Reporter = {
  format() {
    throw new Error('the sarif format is not implemented yet');
  },
};

export default reporter;
