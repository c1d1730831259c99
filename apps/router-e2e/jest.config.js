import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'router-e2e', rootDir: import.meta.dirname };
