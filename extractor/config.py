"""Run settings, built once by the CLI (or a caller) and passed explicitly."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from extractor.errors import UsageError

NCBI_EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know about its environment.

    Requests per second follow NCBI's policy: 3 without an API key, 10 with one.
    """

    eutils_url: str = NCBI_EUTILS_URL
    email: str | None = None
    api_key: str | None = None
    tool: str = "extractor"
    store_path: Path = field(default_factory=lambda: Path("output") / "store.sqlite")
    output_dir: Path = Path("output")
    patterns_dir: Path = REPO_ROOT / "patterns"
    timeout_s: float = 30.0
    max_retries: int = 5
    backoff_base_s: float = 1.0
    backoff_max_s: float = 60.0
    batch_size: int = 200
    offline: bool = False
    quiet: bool = False

    @property
    def requests_per_second(self) -> float:
        return 10.0 if self.api_key else 3.0

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from EXTRACTOR_* / NCBI_* environment variables, then explicit overrides (None = unset)."""
        env = {
            "eutils_url": os.environ.get("EXTRACTOR_EUTILS_URL"),
            "email": os.environ.get("NCBI_EMAIL"),
            "api_key": os.environ.get("NCBI_API_KEY"),
            "store_path": _path_or_none(os.environ.get("EXTRACTOR_STORE")),
            "patterns_dir": _path_or_none(os.environ.get("EXTRACTOR_PATTERNS")),
            "timeout_s": _number_or_none(os.environ.get("EXTRACTOR_TIMEOUT"), float),
            "max_retries": _number_or_none(os.environ.get("EXTRACTOR_MAX_RETRIES"), int),
        }
        values = {k: v for k, v in env.items() if v is not None and v != ""}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)


def _path_or_none(value: str | None) -> Path | None:
    return Path(value) if value else None


def _number_or_none(value: str | None, kind: type) -> float | int | None:
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise UsageError(f"{value!r} is not a valid number in the environment; fix or unset it") from None
