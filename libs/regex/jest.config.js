import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'regex', rootDir: import.meta.dirname };
