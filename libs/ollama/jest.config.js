import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'ollama', rootDir: import.meta.dirname };
