/**
 * The V8 options the API runs with (package.json `start` and `demo`, docker/Dockerfile; the bench
 * and the tests that start the built API use them too): a heap budget. Under Node's default limit
 * (a share of the machine's memory: gigabytes) V8 lets garbage pile up in the old generation, so
 * the API held 300-450 MB under the bench's loads while its live data stayed near 100 MB; with a
 * limit it collects sooner and stays near 200 MB at the same throughput, at the price of more
 * full collections (bench/README.md, "The API's memory"). The 100,000-row ledger export completes
 * within a 96 MB heap, a 10,000-row import within 192 MB.
 */
export const API_NODE_OPTIONS = ['--max-old-space-size=512'] as const;
