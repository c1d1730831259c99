import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'anthropic', rootDir: import.meta.dirname };
