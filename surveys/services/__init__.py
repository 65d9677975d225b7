"""Writes to questionnaires: one module per area (versions, authoring, consultation)."""
