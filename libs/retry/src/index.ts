// Public API of @llm-router/retry.
