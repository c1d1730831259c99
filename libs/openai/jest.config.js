import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'openai', rootDir: import.meta.dirname };
