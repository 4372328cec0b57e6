"""Built-in profiles and the loader that applies a workspace's parameter overrides."""

from __future__ import annotations

from decisiontrack.profiles.loader import BUILT_IN, load_profile, read_profile

__all__ = ["BUILT_IN", "load_profile", "read_profile"]
