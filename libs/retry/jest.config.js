import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'retry', rootDir: import.meta.dirname };
