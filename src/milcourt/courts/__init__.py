"""Courts registry: the military courts of Russia, derived from the Dataout.org registry."""
