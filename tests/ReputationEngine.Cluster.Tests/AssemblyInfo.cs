using ReputationEngine.Cluster.Tests.Infrastructure;

// Every test starts real server processes; on a small machine they run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(PostgresServer))]
