"""Moving workspaces in and out: JSON (lossless, versioned) and CSV (spreadsheet friendly)."""
