"""Page parser: court-website pages (sudrf engine) into structured records."""
