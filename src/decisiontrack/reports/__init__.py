"""Scaffold and lint of the reports the regulations require, from the profile's templates.

Pure: the records come in as a loaded :class:`~decisiontrack.model.folder.DecisionFolder`,
the Markdown goes out as text; ``ops`` writes it.
"""
