// Public API of @llm-router/openai.
