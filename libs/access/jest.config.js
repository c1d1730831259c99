import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'access', rootDir: import.meta.dirname };
