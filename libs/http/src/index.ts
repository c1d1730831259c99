// Public API of @llm-router/http.
