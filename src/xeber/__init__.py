"""xeber: Azerbaijani news toolkit."""
