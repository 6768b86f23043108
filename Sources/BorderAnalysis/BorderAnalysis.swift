// The BorderAnalysis module. See README.md for what it provides.
