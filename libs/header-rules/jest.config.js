import preset from '../../jest.preset.js';

export default { ...preset, displayName: 'header-rules', rootDir: import.meta.dirname };
