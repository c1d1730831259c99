// Public API of @llm-router/testing.
