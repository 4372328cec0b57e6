"""Core operations behind the writing commands: validate, write, and describe the change.

Each returns a :class:`~decisiontrack.ops.change.Change`; the CLI commits it (git audit trail).
"""
