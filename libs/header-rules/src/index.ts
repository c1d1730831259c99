// Public API of @llm-router/header-rules.
