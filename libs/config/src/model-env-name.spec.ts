import { describe, expect, it } from '@jest/globals';
import { modelEnvName } from './model-env-name.js';

describe('modelEnvName', () => {
  it.each([
    ['gpt-4', 'GPT_4'],
    ['claude-3.5:latest', 'CLAUDE_3_5_LATEST'],
    ['llama3', 'LLAMA3'],
    ['a--b', 'A__B'],
    ['org/model@v1', 'ORG_MODEL_V1'],
    ['modèle', 'MOD_LE'],
  ])('%s -> %s', (model, expected) => {
    expect(modelEnvName(model)).toBe(expected);
  });
});
