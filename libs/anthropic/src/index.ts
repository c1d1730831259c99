// Public API of @llm-router/anthropic.
