import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'echo', rootDir: import.meta.dirname };
