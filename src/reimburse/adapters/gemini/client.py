"""GeminiGateway: the google-genai client, model names and the shared Resilience, built from Settings.

Every Gemini adapter takes the gateway, so one process has one client, one concurrency bound and
one circuit breaker, and /health reads that breaker.

The SDK's own retries are switched off (HttpRetryOptions(attempts=1): no tenacity retries and no
implicit connection-error retries), so Resilience alone decides when to retry. HttpOptions.timeout
is in milliseconds; it is a backstop slightly above Resilience's per-call timeout, which is the
one that fires.
"""

from __future__ import annotations

from google import genai
from google.genai import types

from reimburse.adapters.gemini.resilience import CircuitState, Resilience, ResilienceConfig
from reimburse.config import Settings

# responseJsonSchema and systemInstruction are served by v1beta; SDK 3.x defaults to v1.
API_VERSION = "v1beta"
EMBEDDING_DIMENSION = 768
# No tools are passed, so automatic function calling has nothing to do; disabling it also keeps
# the SDK from logging "AFC is enabled" on every call.
NO_AFC = types.AutomaticFunctionCallingConfig(disable=True)


def build_client(api_key: str, base_url: str = "", timeout_seconds: float = 60.0) -> genai.Client:
    options = types.HttpOptions(
        base_url=base_url or None,
        api_version=API_VERSION,
        timeout=int((timeout_seconds + 5) * 1000),
        retry_options=types.HttpRetryOptions(attempts=1),
    )
    return genai.Client(api_key=api_key, http_options=options)


def resilience_config(settings: Settings) -> ResilienceConfig:
    return ResilienceConfig(
        concurrency=settings.gemini_concurrency,
        timeout_seconds=settings.gemini_timeout_seconds,
        max_retries=settings.gemini_max_retries,
        budget_seconds=settings.gemini_retry_budget_seconds,
    )


class GeminiGateway:
    def __init__(
        self,
        client: genai.Client,
        *,
        model: str = "gemini-2.5-flash",
        embedding_model: str = "gemini-embedding-001",
        embedding_dimension: int = EMBEDDING_DIMENSION,
        resilience: Resilience | None = None,
    ) -> None:
        self.client = client
        self.model = model
        self.embedding_model = embedding_model
        self.embedding_dimension = embedding_dimension
        self.resilience = resilience or Resilience()

    @classmethod
    def from_settings(cls, settings: Settings, resilience: Resilience | None = None) -> GeminiGateway:
        client = build_client(
            settings.google_api_key, settings.gemini_base_url, settings.gemini_timeout_seconds
        )
        return cls(
            client,
            model=settings.gemini_model,
            embedding_model=settings.gemini_embedding_model,
            resilience=resilience or Resilience(resilience_config(settings)),
        )

    @property
    def state(self) -> CircuitState:
        return self.resilience.state

    def health(self) -> tuple[str, str]:
        """(status, detail) for /health's llm_service entry; no network call."""
        status, detail = self.resilience.health()
        return status, f"gemini {self.model}: {detail}"

    async def aclose(self) -> None:
        await self.client.aio.aclose()
