"""Events: patterns, extraction from parsed sentences, time, place and merging."""
