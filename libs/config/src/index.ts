// Public API of @llm-router/config.
