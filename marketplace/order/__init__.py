"""Orders, lines, events and their status pipeline."""
