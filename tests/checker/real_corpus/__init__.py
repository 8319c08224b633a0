"""Documents typed the ways Word users type them, with what the checker must find in each (expected.yaml)."""
