// Public API of @llm-router/echo.
