// The Topology module. See README.md for what it provides.
