// The Gazetteer module. See README.md for what it provides.
