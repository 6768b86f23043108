// The Geoparser module. See README.md for what it provides.
