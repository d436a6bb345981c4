"""Gemini adapters (google-genai). Imported only when GOOGLE_API_KEY is configured."""
