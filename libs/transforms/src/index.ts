// Public API of @llm-router/transforms.
