// The Geodesy module. See README.md for what it provides.
