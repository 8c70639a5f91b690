// Loaded with --import by the benchmark: reports the process's peak memory (all threads) on exit.
process.on('exit', () => process.stderr.write(`\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`));
