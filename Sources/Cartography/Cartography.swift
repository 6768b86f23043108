// The Cartography module. See README.md for what it provides.
