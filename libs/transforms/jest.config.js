import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'transforms', rootDir: import.meta.dirname };
