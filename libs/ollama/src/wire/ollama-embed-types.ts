// Ollama's `POST /api/embed` (docs/protocols.md §9). Type aliases, so they are assignable to Record<string, unknown>.

export type OllamaEmbedRequest = {
  model: string;
  input: string | string[];
  /** Default true: inputs longer than the context are cut; false makes them a 400. */
  truncate?: boolean;
  dimensions?: number;
  keep_alive?: string | number;
  options?: Record<string, unknown>;
};

export type OllamaEmbedResponse = {
  model: string;
  embeddings: number[][];
  total_duration?: number;
  load_duration?: number;
  prompt_eval_count?: number;
};
