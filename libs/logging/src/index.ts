// Public API of @llm-router/logging.
