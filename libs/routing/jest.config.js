import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'routing', rootDir: import.meta.dirname };
