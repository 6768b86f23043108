"""Builds IncidentMapper's committed gazetteer (the top-level Gazetteer/ folder) from pinned packages."""
