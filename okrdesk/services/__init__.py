"""Use cases the UI and the CLI call. They own transactions; callers never touch a Session."""
